namespace NotebookRunner.Cli;

/// <summary>Bad command-line usage: exit code 2 with one line saying what to do.</summary>
public sealed class UsageException(string message) : Exception(message);
