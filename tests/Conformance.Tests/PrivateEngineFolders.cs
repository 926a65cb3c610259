using System.Diagnostics;
using NotebookRunner.Packages;

namespace Conformance.Tests;

/// <summary>
/// Where both engines restore packages during the tests, never the user's own: a NuGet packages folder, NuGet's
/// HTTP cache, a HOME (Microsoft's kernel keeps its resolved package paths in ~/.packagemanagement and reuses them
/// whatever NUGET_PACKAGES says) and the runner's restore cache. The folder persists under the runner's cache,
/// keyed by the kernel and TorchSharp versions, so the ~600 MB of TorchSharp is restored once per machine.
/// </summary>
public sealed class PrivateEngineFolders
{
    private static readonly Lazy<PrivateEngineFolders> Prepared = new(Prepare);

    private PrivateEngineFolders(string root) => Root = root;

    public static PrivateEngineFolders Shared => Prepared.Value;

    public string Root { get; }
    public string Packages => Path.Combine(Root, "packages");
    public string HttpCache => Path.Combine(Root, "http-cache");
    public string Home => Path.Combine(Root, "home");
    public string RunnerCache => Path.Combine(Root, "runner");

    /// <summary>What `doctor --fix` printed when it prepared the private packages folder.</summary>
    public string DoctorOutput { get; private set; } = "";

    /// <summary>Points NuGet and the runner at the private folders (and the kernel's HOME, when asked).</summary>
    public void Apply(ProcessStartInfo start, bool privateHome)
    {
        start.Environment["NUGET_PACKAGES"] = Packages;
        start.Environment["NUGET_HTTP_CACHE_PATH"] = HttpCache;
        start.Environment["NOTEBOOK_RUNNER_CACHE"] = RunnerCache;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (privateHome) start.Environment["HOME"] = Home;
    }

    /// <summary>Restores TorchSharp into the private folder and applies the runner's Linux remedy there, once per test run.</summary>
    private static PrivateEngineFolders Prepare()
    {
        var key = $"interactive-{RepositoryFiles.KernelVersion}-torchsharp-{RepositoryFiles.TorchSharpVersion}";
        var folders = new PrivateEngineFolders(Path.Combine(RestoreCacheLocation.Default, "conformance", key));
        foreach (var dir in new[] { folders.Packages, folders.HttpCache, folders.Home, folders.RunnerCache })
            Directory.CreateDirectory(dir);
        // With the kernel's private HOME too, so the doctor sees what the kernel will (its ~/.packagemanagement).
        var result = ChildProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"), "doctor", "--fix"],
            Repository.Root, TimeSpan.FromMinutes(10), configure: start => folders.Apply(start, privateHome: true));
        folders.DoctorOutput = result.Stdout + result.Stderr;
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"`doctor --fix` on the private packages folder {folders.Packages} failed:\n{folders.DoctorOutput}");
        return folders;
    }
}
