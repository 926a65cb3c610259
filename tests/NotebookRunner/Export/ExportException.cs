namespace NotebookRunner.Export;

/// <summary>An export that cannot start (no runner sources, an output path that is a file): one line, exit code 2.</summary>
public sealed class ExportException(string message) : Exception(message);
