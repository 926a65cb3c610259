namespace NotebookRunner.Jupyter;

/// <summary>`kernel CONNECTION_FILE`: listens on the connection file's ports and serves until shut down.</summary>
public static class KernelServer
{
    public static int Serve(string connectionFile, TextWriter stderr)
    {
        try
        {
            var connection = ConnectionFile.Read(connectionFile);
            using var channels = new KernelChannels(connection, stderr);
            new JupyterKernel(channels, stderr).Run();
            return ExitCodes.Ok;
        }
        catch (KernelStartException e)
        {
            stderr.WriteLine($"NotebookRunner kernel: {e.Message}");
            return ExitCodes.BadUsage;
        }
    }
}
