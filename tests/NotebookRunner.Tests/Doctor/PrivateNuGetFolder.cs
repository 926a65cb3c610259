using System.Security.Cryptography;

namespace NotebookRunner.Tests.Doctor;

/// <summary>
/// A NuGet packages folder with a real restore of the pinned TorchSharp-cpu, made once per test run (the doctor restores
/// into $NUGET_PACKAGES); each test works on its own copy, so no test touches the user's ~/.nuget/packages.
/// </summary>
public sealed class RestoredTorchSharpTemplate : IDisposable
{
    public PrivateNuGetFolder Folder { get; }

    public RestoredTorchSharpTemplate()
    {
        Folder = PrivateNuGetFolder.Empty();
        var doctor = DoctorProcess.Doctor(Folder);
        if (!File.Exists(Folder.LibTorchSharp))
            throw new InvalidOperationException($"the doctor did not restore TorchSharp into {Folder.Packages}:\n{doctor.Stdout}\n{doctor.Stderr}");
        // dotnet-repl, pinned in dotnet-tools.json, restored into the same folder for the engine tests.
        var tools = DoctorProcess.Run("dotnet", ["tool", "restore"], Folder);
        if (tools.ExitCode != 0) throw new InvalidOperationException($"dotnet tool restore failed:\n{tools.Stdout}\n{tools.Stderr}");
    }

    public void Dispose() => Folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class RestoredTorchSharpCollection : ICollectionFixture<RestoredTorchSharpTemplate>
{
    public const string Name = "restored TorchSharp in a private NuGet folder";
}

public sealed class PrivateNuGetFolder : IDisposable
{
    private readonly ScratchFolder _scratch = new("notebook-runner-doctor-tests");
    public string Root => _scratch.Root;
    public string Packages => Path.Combine(Root, "nuget");
    public string RunnerCache => Path.Combine(Root, "runner-cache");
    public string Home => Path.Combine(Root, "home");
    public string TorchSharp => Path.Combine(Packages, "torchsharp", PinnedPackages.Version("TorchSharp"));
    public string AssemblyFolder => Path.Combine(TorchSharp, "lib", "net8.0");
    public string ConsolidatedFolder => Path.Combine(AssemblyFolder, "cpu");
    public string LibTorchSharp => Path.Combine(TorchSharp, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    public string LibTorchNative => Directory.GetDirectories(Path.Combine(Packages, "libtorch-cpu-linux-x64"))
        .Select(d => Path.Combine(d, "runtimes", "linux-x64", "native")).Single(Directory.Exists);

    private PrivateNuGetFolder()
    {
        Directory.CreateDirectory(Packages);
        Directory.CreateDirectory(Home);
    }

    public static PrivateNuGetFolder Empty() => new();

    /// <summary>A copy of the template: TorchSharp's own folder copied (the doctor changes it), the others hard-linked.</summary>
    public static PrivateNuGetFolder CopyOf(PrivateNuGetFolder template)
    {
        var copy = Empty();
        foreach (var package in Directory.GetDirectories(template.Packages))
        {
            var how = Path.GetFileName(package) == "torchsharp" ? "-a" : "-al";
            var cp = DoctorProcess.Run("cp", [how, package, copy.Packages], copy);
            if (cp.ExitCode != 0) throw new IOException($"cp {how} {package} failed: {cp.Stderr}");
        }
        return copy;
    }

    /// <summary>Every entry under TorchSharp's package folder: links with their targets, files with their SHA-256.</summary>
    public IReadOnlyList<string> Snapshot() =>
        Directory.EnumerateFileSystemEntries(TorchSharp, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(path =>
        {
            var relative = Path.GetRelativePath(TorchSharp, path);
            var info = new FileInfo(path);
            if (info.LinkTarget is not null) return $"{relative} -> {info.LinkTarget}";
            if (Directory.Exists(path)) return relative + "/";
            using var stream = File.OpenRead(path);
            return $"{relative} {Convert.ToHexStringLower(SHA256.HashData(stream))}";
        }).ToList();

    public void Dispose() => _scratch.Dispose();
}
