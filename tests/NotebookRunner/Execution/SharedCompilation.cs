namespace NotebookRunner.Execution;

/// <summary>
/// What the sessions of one process share to compile less: the metadata references (<see cref="SharedReferences"/>)
/// and the submissions a notebook may run as its own (<see cref="SharedSubmissions"/>). `run` makes one for all its
/// notebooks; a session given none has its own.
/// </summary>
public sealed class SharedCompilation
{
    public SharedReferences References { get; } = new();

    public SharedSubmissions Submissions { get; } = new();
}
