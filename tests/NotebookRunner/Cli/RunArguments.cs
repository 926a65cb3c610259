namespace NotebookRunner.Cli;

/// <summary>The parsed arguments of `run PATH... [-o OUT] [-p NAME VALUE]... [--report FILE] [--timeout S] [--cwd DIR] [--inplace]`.</summary>
public sealed record RunArguments(
    IReadOnlyList<string> Paths,
    string? Output,
    IReadOnlyList<(string Name, string Value)> Parameters,
    string? Report,
    TimeSpan? Timeout,
    string? WorkingDirectory,
    bool InPlace)
{
    /// <summary>The checks that involve more than one option; each option's own checks are in its definition.</summary>
    public RunArguments Validated()
    {
        if (InPlace && Output is not null) throw new UsageException("use either -o or --inplace, not both");
        if (Output is "") throw new UsageException("-o '' names no file; give a file (one notebook) or a folder");
        if (Report is "") throw new UsageException("--report '' names no file; give a file such as report.json");
        if (WorkingDirectory is not null && !Directory.Exists(WorkingDirectory))
            throw new UsageException($"--cwd {WorkingDirectory}: folder not found");
        return this with { WorkingDirectory = WorkingDirectory is null ? null : Path.GetFullPath(WorkingDirectory) };
    }
}
