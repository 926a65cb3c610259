using System.Diagnostics;
using System.Text;

namespace NotebookRunner.Packages;

/// <summary>Runs `dotnet restore` on a generated project and returns its exit code and combined output.</summary>
public static class DotnetRestoreProcess
{
    public static (int ExitCode, string Output) Run(string projectPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(projectPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "restore", projectPath, "--nologo", "-v", "q", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
            start.ArgumentList.Add(arg);
        // Build servers and reused nodes would outlive the restore and keep our output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellationToken.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }))
        {
            process.WaitForExit();
        }
        cancellationToken.ThrowIfCancellationRequested();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
