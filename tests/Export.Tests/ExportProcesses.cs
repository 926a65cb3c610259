namespace Export.Tests;

/// The child processes these tests start, each bounded by TestSupport's launcher: the runner built beside the tests
/// (`export`, `run`), and an exported app built and run by `dotnet`.
public static class ExportProcesses
{
    /// The runner built beside the tests: `export`, `run`, ….
    public static ProcessResult Runner(IEnumerable<string> arguments, string? workingDirectory = null) =>
        ChildProcess.Run("dotnet", new[] { ExportPaths.Runner }.Concat(arguments), workingDirectory ?? Environment.CurrentDirectory,
            TimeSpan.FromMinutes(15));

    /// `dotnet run APP.cs -- ARGS`: builds the app when its source changed, then runs it.
    public static ProcessResult App(string appPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        ChildProcess.Run("dotnet", new[] { "run", appPath, "--" }.Concat(arguments), Path.GetDirectoryName(appPath)!,
            TimeSpan.FromMinutes(10), environment);

    /// <summary>`dotnet build APP.cs`: what `dotnet run` would build, so that runs after it print only the app's output.</summary>
    public static ProcessResult BuildApp(string appPath) =>
        ChildProcess.Run("dotnet", ["build", appPath], Path.GetDirectoryName(appPath)!, TimeSpan.FromMinutes(10));

    /// <summary>`dotnet run --no-build APP.cs -- ARGS`, after <see cref="BuildApp"/>.</summary>
    public static ProcessResult BuiltApp(string appPath, IEnumerable<string> arguments) =>
        ChildProcess.Run("dotnet", new[] { "run", "--no-build", appPath, "--" }.Concat(arguments), Path.GetDirectoryName(appPath)!,
            TimeSpan.FromMinutes(10));
}
