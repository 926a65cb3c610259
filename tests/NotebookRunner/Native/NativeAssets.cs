using NotebookRunner.Packages;

namespace NotebookRunner.Native;

/// <summary>
/// Makes restored native libraries loadable in this process; safe to call once per restore. A native library loads
/// once per process and the load contexts' resolving events are the process's, so one instance, <see cref="Process"/>,
/// owns that state (the resolver's library map, TorchSharp's loads); every session and the doctor use it.
/// </summary>
public sealed class NativeAssets
{
    private readonly NativeLibraryResolver _resolver = new();
    private readonly TorchSharpNativeLoader _torchSharp;

    private NativeAssets() => _torchSharp = new TorchSharpNativeLoader(_resolver);

    public static NativeAssets Process { get; } = new();

    /// <summary>The libLibTorchSharp.so chosen for loading (loaded once <see cref="WaitForBackgroundLoads"/> returns), or null when none was.</summary>
    public string? LoadedLibTorchSharp => _torchSharp.LoadedLibTorchSharp;

    public void Register(RestoredPackages restored, TextWriter log)
    {
        if (restored.NativeLibraries.Count == 0) return;
        _resolver.Add(restored.NativeLibraries);
        _torchSharp.Load(restored.NativeLibraries, restored.CacheDirectory ?? RestoreCacheLocation.Default, log);
    }

    /// <summary>Waits for native libraries still loading in the background; code that may call into them runs after this.</summary>
    public void WaitForBackgroundLoads() => _torchSharp.WaitForLoads();
}
