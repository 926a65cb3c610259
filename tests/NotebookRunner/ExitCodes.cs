namespace NotebookRunner;

/// <summary>The runner's exit codes, shared by every subcommand and by `run`'s early endings.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CellFailed = 1;
    public const int BadUsage = 2;
}
