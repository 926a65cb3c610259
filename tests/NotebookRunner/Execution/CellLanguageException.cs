namespace NotebookRunner.Execution;

/// <summary>A cell written for another Polyglot kernel (F#, PowerShell, SQL...): the runner executes C# only.</summary>
public sealed class CellLanguageException(string message) : Exception(message);
