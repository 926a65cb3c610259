using System.Diagnostics;

namespace NotebookRunner.Doctor;

/// <summary>`dotnet --version`, as the runner's restores will see it.</summary>
public static class DotnetSdkCheck
{
    public static DoctorCheck Run()
    {
        const string name = ".NET SDK";
        try
        {
            var start = new ProcessStartInfo("dotnet", "--version")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                return DoctorCheck.Fail(name, "`dotnet --version` did not answer within 60 s");
            }
            var version = stdout.Result.Trim();
            if (process.ExitCode != 0 || version.Length == 0)
            {
                var first = (stderr.Result + stdout.Result).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
                return DoctorCheck.Fail(name, $"`dotnet --version` exited with {process.ExitCode}: {first}");
            }
            return DoctorCheck.Ok(name, $"{version} (runtime {Environment.Version})");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return DoctorCheck.Fail(name, $"cannot run `dotnet`: {e.Message}; install the .NET SDK and put it on PATH");
        }
    }
}
