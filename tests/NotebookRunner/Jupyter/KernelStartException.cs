namespace NotebookRunner.Jupyter;

/// <summary>The kernel cannot start (bad connection file, port taken): one line for the front end's log.</summary>
public sealed class KernelStartException(string message) : Exception(message);
