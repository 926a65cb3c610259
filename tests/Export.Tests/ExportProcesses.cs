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

    /// <summary>
    /// `dotnet build APP.cs`: what `dotnet run` would build, so that runs after it print only the app's output. The
    /// build goes to the checkout's artifacts/ folder: by default the SDK keeps a build of each app path under
    /// ~/.local/share/dotnet/runfile, with TorchSharp's native libraries (over a gigabyte an app), and each clone the
    /// tests run in would add five more.
    /// </summary>
    public static ProcessResult BuildApp(string appPath) =>
        ChildProcess.Run("dotnet", ["build", appPath, "--artifacts-path", BuildFolder(appPath)], Path.GetDirectoryName(appPath)!,
            TimeSpan.FromMinutes(10));

    /// <summary>`dotnet run --no-build APP.cs -- ARGS`, after <see cref="BuildApp"/>.</summary>
    public static ProcessResult BuiltApp(string appPath, IEnumerable<string> arguments) =>
        ChildProcess.Run("dotnet", new[] { "run", "--no-build", "--artifacts-path", BuildFolder(appPath), appPath, "--" }.Concat(arguments),
            Path.GetDirectoryName(appPath)!, TimeSpan.FromMinutes(10));

    private static string BuildFolder(string appPath) =>
        Repository.Path("artifacts", "app-builds", Path.GetFileNameWithoutExtension(appPath));
}
