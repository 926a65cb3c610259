using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace NotebookRunner.Native;

/// <summary>
/// Resolves `[DllImport("X")]` names (X, libX, libX.so, X.so) to restored native libraries, e.g. SkiaSharp's
/// libSkiaSharp.so, which lives in another package folder than SkiaSharp.dll. Roslyn scripting loads package
/// assemblies into their own load contexts, so every context gets the handler, not only the default one.
/// Owned by <see cref="NativeAssets.Process"/>: the hooks are the process's.
/// </summary>
public sealed class NativeLibraryResolver
{
    private readonly ConcurrentDictionary<string, string> _pathsByFileName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AssemblyLoadContext, bool> _hookedContexts = new();
    private int _hookedAppDomain;

    /// <summary>Adds libraries (full paths); a later path for the same file name wins.</summary>
    public void Add(IEnumerable<string> libraryPaths)
    {
        foreach (var path in libraryPaths) _pathsByFileName[Path.GetFileName(path)] = path;
        Hook();
    }

    /// <summary>Makes the name resolve to this path instead (used for the patched libLibTorchSharp.so).</summary>
    public void Override(string fileName, string path)
    {
        _pathsByFileName[fileName] = path;
        Hook();
    }

    public string? Find(string libraryName)
    {
        foreach (var candidate in Candidates(libraryName))
            if (_pathsByFileName.TryGetValue(candidate, out var path)) return path;
        return null;
    }

    private static IEnumerable<string> Candidates(string name)
    {
        var file = Path.GetFileName(name);
        yield return file;
        var hasPrefix = file.StartsWith("lib", StringComparison.Ordinal);
        var hasSuffix = file.EndsWith(".so", StringComparison.Ordinal) || file.Contains(".so.", StringComparison.Ordinal);
        if (!hasSuffix) yield return file + ".so";
        if (!hasPrefix) yield return "lib" + file;
        if (!hasPrefix && !hasSuffix) yield return "lib" + file + ".so";
    }

    private void Hook()
    {
        if (Interlocked.Exchange(ref _hookedAppDomain, 1) == 0)
            AppDomain.CurrentDomain.AssemblyLoad += (_, e) => HookContext(AssemblyLoadContext.GetLoadContext(e.LoadedAssembly));
        HookContext(AssemblyLoadContext.Default);
        foreach (var context in AssemblyLoadContext.All) HookContext(context);
    }

    private void HookContext(AssemblyLoadContext? context)
    {
        if (context is null || !_hookedContexts.TryAdd(context, true)) return;
        context.ResolvingUnmanagedDll += Resolve;
    }

    private IntPtr Resolve(Assembly assembly, string libraryName)
    {
        var path = Find(libraryName);
        return path is not null && NativeLibrary.TryLoad(path, out var handle) ? handle : IntPtr.Zero;
    }
}
