using NotebookRunner.Packages;

namespace NotebookRunner.Native;

/// <summary>Makes restored native libraries loadable in this process; safe to call once per restore.</summary>
public static class NativeAssets
{
    public static void Register(RestoredPackages restored, TextWriter log) =>
        Register(restored, restored.CacheDirectory ?? RestoreCacheLocation.Default, log);

    public static void Register(RestoredPackages restored, string cacheDirectory, TextWriter log)
    {
        if (restored.NativeLibraries.Count == 0) return;
        NativeLibraryResolver.Add(restored.NativeLibraries);
        TorchSharpNativeLoader.Load(restored.NativeLibraries, cacheDirectory, log);
    }

    /// <summary>Waits for native libraries still loading in the background; code that may call into them runs after this.</summary>
    public static void WaitForBackgroundLoads() => TorchSharpNativeLoader.WaitForLoads();
}
