namespace NotebookRunner.Parameters;

/// <summary>A `-p` that names no parameter or whose value does not convert; raised before anything runs.</summary>
public sealed class ParameterException(string message) : Exception(message);
