namespace NotebookRunner.Packages;

/// <summary>What a restore produced: runtime assemblies and the native libraries for this machine's RID.</summary>
public sealed class RestoredPackages
{
    public RestoredPackages(IReadOnlyList<string> assemblies, IReadOnlyList<string> nativeLibraries)
    {
        Assemblies = assemblies;
        NativeLibraries = nativeLibraries;
    }

    /// <summary>Runtime assembly paths (net10.0), of every package including transitive ones.</summary>
    public IReadOnlyList<string> Assemblies { get; }

    /// <summary>Native library paths for the current runtime identifier (or its nearest fallback).</summary>
    public IReadOnlyList<string> NativeLibraries { get; }

    /// <summary>The runner cache the restore used; patched native copies go there too.</summary>
    public string? CacheDirectory { get; init; }

    public static RestoredPackages Empty { get; } = new([], []);
}
