using System.Diagnostics;

namespace Export.Tests;

public sealed record ChildResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// One bounded child process (the runner, or `dotnet run APP.cs`); one that outlives its bound is killed and fails the test.
public static class ChildProcess
{
    public static ChildResult Run(string fileName, IEnumerable<string> arguments, TimeSpan bound,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(bound))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"did not finish within {bound}: {fileName} {string.Join(' ', psi.ArgumentList)}");
        }
        p.WaitForExit();
        return new ChildResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// The runner built beside the tests: `export`, `run`, ….
    public static ChildResult Runner(IEnumerable<string> arguments, string? workingDirectory = null) =>
        Run("dotnet", new[] { Repository.Runner }.Concat(arguments), TimeSpan.FromMinutes(15), workingDirectory);

    /// `dotnet run APP.cs -- ARGS`: builds the app when its source changed, then runs it.
    public static ChildResult App(string appPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Run("dotnet", new[] { "run", appPath, "--" }.Concat(arguments), TimeSpan.FromMinutes(10), Path.GetDirectoryName(appPath), environment);

    /// <summary>`dotnet build APP.cs`: what `dotnet run` would build, so that runs after it print only the app's output.</summary>
    public static ChildResult BuildApp(string appPath) =>
        Run("dotnet", ["build", appPath], TimeSpan.FromMinutes(10), Path.GetDirectoryName(appPath));

    /// <summary>`dotnet run --no-build APP.cs -- ARGS`, after <see cref="BuildApp"/>.</summary>
    public static ChildResult BuiltApp(string appPath, IEnumerable<string> arguments) =>
        Run("dotnet", new[] { "run", "--no-build", appPath, "--" }.Concat(arguments), TimeSpan.FromMinutes(10), Path.GetDirectoryName(appPath));
}
