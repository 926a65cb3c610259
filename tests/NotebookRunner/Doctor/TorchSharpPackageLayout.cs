namespace NotebookRunner.Doctor;

/// <summary>
/// Where TorchSharp 0.107.0 and its libtorch live inside a NuGet packages folder:
/// torchsharp/0.107.0/lib/&lt;tfm&gt;/TorchSharp.dll, torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so and
/// libtorch-cpu-linux-x64/2.10.0*/runtimes/linux-x64/native/libtorch*.so.
/// </summary>
public sealed record TorchSharpPackageLayout(string PackagesFolder)
{
    public static readonly string Version = PinnedVersions.TorchSharp;
    public const string LibTorchVersion = "2.10.0";
    public const string LibTorchSharpFileName = "libLibTorchSharp.so";
    private const string Rid = "linux-x64";

    public static TorchSharpPackageLayout Current => new(NuGetPackagesFolder.Current);

    public string Root => Path.Combine(PackagesFolder, "torchsharp", Version);

    public string NativeFolder => Path.Combine(Root, "runtimes", Rid, "native");

    public string LibTorchSharp => Path.Combine(NativeFolder, LibTorchSharpFileName);

    public bool IsRestored => File.Exists(LibTorchSharp) && AssemblyFolders.Count > 0;

    /// <summary>Each lib/net&lt;N&gt; folder that holds TorchSharp.dll (.NET Interactive never loads the netstandard2.0 one).</summary>
    public IReadOnlyList<string> AssemblyFolders
    {
        get
        {
            var lib = Path.Combine(Root, "lib");
            if (!Directory.Exists(lib)) return [];
            return Directory.GetDirectories(lib)
                .Where(d => !Path.GetFileName(d).StartsWith("netstandard", StringComparison.Ordinal) && File.Exists(Path.Combine(d, "TorchSharp.dll"))).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The "cpu" folders TorchSharp fills with a copy of all of libtorch when its first native load fails.</summary>
    public IReadOnlyList<string> ConsolidatedFolders =>
        AssemblyFolders.Select(d => Path.Combine(d, "cpu")).Where(Directory.Exists).ToList();

    /// <summary>libtorch-cpu-linux-x64's native folder (the package version may carry a fourth part), or null.</summary>
    public string? LibTorchNativeFolder
    {
        get
        {
            var package = Path.Combine(PackagesFolder, "libtorch-cpu-linux-x64");
            if (!Directory.Exists(package)) return null;
            return Directory.GetDirectories(package)
                .Where(d => Path.GetFileName(d) == LibTorchVersion || Path.GetFileName(d).StartsWith(LibTorchVersion + ".", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "runtimes", Rid, "native"))
                .FirstOrDefault(Directory.Exists);
        }
    }
}
