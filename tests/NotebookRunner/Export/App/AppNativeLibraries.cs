using NotebookRunner.Native;

namespace NotebookRunner.Export.App;

/// <summary>
/// The runner's native-library remedy, applied by an exported app to the natives its build copied beside it
/// (the host lists their folders in NATIVE_DLL_SEARCH_DIRECTORIES): before TorchSharp loads, libtorch and, where
/// the system libstdc++ lacks GLIBCXX_3.4.32, a patched copy of libLibTorchSharp.so are loaded by full path, so a
/// fresh machine with only the .NET SDK needs no `doctor --fix`. The patched copy lives in the app's build folder.
/// </summary>
public static class AppNativeLibraries
{
    public static void Load(TextWriter log)
    {
        var appDirectory = AppContext.BaseDirectory;
        var libraries = ((AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFullPath)
            .Where(folder => folder.StartsWith(appDirectory, StringComparison.Ordinal) && Directory.Exists(folder))
            .SelectMany(Directory.EnumerateFiles)
            .ToList();
        if (libraries.Count == 0) return;
        var resolver = new NativeLibraryResolver();   // its load-context hooks keep it alive for the process
        resolver.Add(libraries);
        var loader = new TorchSharpNativeLoader(resolver);
        loader.Load(libraries, appDirectory, log);
        loader.WaitForLoads();
    }
}
