namespace NotebookRunner.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int CellFailed = 1;
    public const int BadUsage = 2;
}
