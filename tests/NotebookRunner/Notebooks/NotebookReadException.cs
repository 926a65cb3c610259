namespace NotebookRunner.Notebooks;

/// <summary>A notebook that cannot be read; the message is one line naming the file and what to do.</summary>
public sealed class NotebookReadException(string message) : Exception(message);
