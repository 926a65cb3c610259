using System.Collections.Concurrent;
using System.Runtime.Loader;

namespace NotebookRunner.Execution;

/// <summary>
/// Restored package assemblies by simple name, for the default load context when a script's dependency is not found
/// beside it. The load context's Resolving event is the process's, so one instance, <see cref="Process"/>, owns the map
/// and the handler; every session adds to it.
/// </summary>
public sealed class RestoredAssemblies
{
    private readonly ConcurrentDictionary<string, string> _pathsByName = new(StringComparer.OrdinalIgnoreCase);
    private int _resolverInstalled;

    private RestoredAssemblies() { }

    public static RestoredAssemblies Process { get; } = new();

    /// <summary>Makes the assemblies resolvable by name; the first restored path of a name wins.</summary>
    public void Add(IEnumerable<string> assemblyPaths)
    {
        foreach (var path in assemblyPaths) _pathsByName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        if (Interlocked.Exchange(ref _resolverInstalled, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name is { } simpleName && _pathsByName.TryGetValue(simpleName, out var found)
                ? context.LoadFromAssemblyPath(found)
                : null;
    }
}
