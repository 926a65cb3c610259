using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace NotebookRunner.Native;

/// <summary>
/// Loads TorchSharp's natives by full path before TorchSharp asks for them, so its own loader finds them
/// already loaded (by soname) and never falls back to copying all of libtorch (600 MB) into a "cpu" folder.
/// When the system libstdc++ lacks GLIBCXX_3.4.32, loads a patched copy of libLibTorchSharp.so from the
/// runner's cache instead of the package's file; system libraries are never touched.
/// Loading libtorch_cpu.so takes about 0.3 s (its static initialisers register every operator), so it happens on a
/// background thread while the notebook's next cell compiles; a cell waits for it before it runs
/// (<see cref="WaitForLoads"/>), so TorchSharp's own load still finds the libraries already loaded.
/// Owned by <see cref="NativeAssets.Process"/>: a library loads once per process.
/// </summary>
public sealed class TorchSharpNativeLoader(NativeLibraryResolver resolver)
{
    public const string LibTorchSharpFileName = "libLibTorchSharp.so";
    private readonly object _gate = new();
    private string? _loadedLibTorchSharp;
    private Task? _loading;

    /// <summary>The libLibTorchSharp.so chosen for loading (loaded once <see cref="WaitForLoads"/> returns), or null when none was.</summary>
    public string? LoadedLibTorchSharp => _loadedLibTorchSharp;

    /// <summary>Does nothing when the libraries hold no libLibTorchSharp.so or TorchSharp is already loaded.</summary>
    public void Load(IReadOnlyList<string> nativeLibraries, string cacheDirectory, TextWriter log)
    {
        var libTorchSharp = nativeLibraries.FirstOrDefault(p => Path.GetFileName(p) == LibTorchSharpFileName);
        if (libTorchSharp is null || !OperatingSystem.IsLinux()) return;
        lock (_gate)
        {
            if (_loadedLibTorchSharp is not null) return;
            var toLoad = LoadableCopy(libTorchSharp, cacheDirectory, log);
            resolver.Override(LibTorchSharpFileName, toLoad);
            _loadedLibTorchSharp = toLoad;
            // libtorch_cpu.so's RUNPATH $ORIGIN finds libc10.so and libgomp next to it.
            var inOrder = new[] { "libtorch_cpu.so", "libtorch.so" }
                .Select(name => nativeLibraries.FirstOrDefault(p => Path.GetFileName(p) == name))
                .OfType<string>()
                .Append(toLoad)
                .ToList();
            _loading = Task.Run(() =>
            {
                foreach (var path in inOrder) NativeLibrary.Load(path);
            });
        }
    }

    /// <summary>Blocks until the background load has finished; throws what it threw (a library that failed to load).</summary>
    public void WaitForLoads()
    {
        Task? loading;
        lock (_gate) loading = _loading;
        if (loading is null) return;
        try
        {
            loading.GetAwaiter().GetResult();
        }
        catch when (loading.IsFaulted)
        {
            // Reported once, to the cell that waited first; later cells meet TorchSharp's own error if they use it.
            lock (_gate) _loading = null;
            throw;
        }
    }

    /// <summary>The package's file when this machine can load it, else the (once created) patched copy.</summary>
    public static string LoadableCopy(string libTorchSharp, string cacheDirectory, TextWriter log)
    {
        if (LibStdCxxProbe.Current.DefinesRequiredVersion) return libTorchSharp;
        if (GlibcxxVersionPatch.Inspect(libTorchSharp) != GlibcxxVersionPatch.State.Required) return libTorchSharp;

        var copy = PatchedCopyPath(libTorchSharp, cacheDirectory);
        if (!File.Exists(copy))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            var temporary = copy + "." + Environment.ProcessId + ".tmp";
            File.Copy(libTorchSharp, temporary, overwrite: true);
            GlibcxxVersionPatch.Apply(temporary);
            File.Move(temporary, copy, overwrite: true);
        }
        log.WriteLine($"note: system libstdc++ lacks {GlibcxxVersionPatch.Version}; loading a patched copy of {LibTorchSharpFileName} from {copy} (run 'doctor' for details)");
        return copy;
    }

    /// <summary>&lt;cache&gt;/native/&lt;sha256 of the original&gt;/libLibTorchSharp.so</summary>
    public static string PatchedCopyPath(string libTorchSharp, string cacheDirectory)
    {
        using var stream = File.OpenRead(libTorchSharp);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return Path.Combine(Packages.RestoreCacheLocation.Native(cacheDirectory), hash, LibTorchSharpFileName);
    }
}
