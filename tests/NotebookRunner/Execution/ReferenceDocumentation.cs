using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace NotebookRunner.Execution;

/// <summary>
/// The XML documentation of the session's references, so that a symbol's doc comment (what the kernel's inspect
/// shows) is there. The runtime's own assemblies ship none; the SDK's reference pack of the same runtime
/// (DOTNET_ROOT/packs/Microsoft.NETCore.App.Ref/VERSION/ref/netX.Y/NAME.xml) has them, and a NuGet package may put
/// NAME.xml beside NAME.dll. The provider reads its file only when a doc comment is asked for, so compiling and
/// running cells never touch it.
/// </summary>
public static class ReferenceDocumentation
{
    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    private static readonly Lazy<string?> ReferencePack = new(FindReferencePack);
    private static readonly ConcurrentDictionary<string, DocumentationProvider> Providers = new(StringComparer.Ordinal);

    /// <summary>The same reference (same metadata, nothing read again) with its documentation, if any is found.</summary>
    public static PortableExecutableReference With(PortableExecutableReference reference)
    {
        if (reference.FilePath is not { } path || reference.Properties.Kind != MetadataImageKind.Assembly) return reference;
        if (For(path) is not { } documentation) return reference;
        return ((AssemblyMetadata)reference.GetMetadata()).GetReference(
            documentation, reference.Properties.Aliases, reference.Properties.EmbedInteropTypes, path, reference.Display);
    }

    /// <summary>The documentation for the assembly at that path: NAME.xml beside it, else the reference pack's.</summary>
    public static DocumentationProvider? For(string assemblyPath)
    {
        var beside = Path.ChangeExtension(assemblyPath, ".xml");
        if (File.Exists(beside)) return Provider(beside);
        if (ReferencePack.Value is not { } pack
            || !string.Equals(Path.GetDirectoryName(Path.GetFullPath(assemblyPath)), RuntimeDirectory, StringComparison.Ordinal))
            return null;
        var name = Path.GetFileNameWithoutExtension(assemblyPath);
        var xml = Path.Combine(pack, name + ".xml");
        // System.Private.* implement what the reference assembly System.Runtime declares (String, Uri, ...).
        if (!File.Exists(xml) && name.StartsWith("System.Private.", StringComparison.Ordinal)) xml = Path.Combine(pack, "System.Runtime.xml");
        return File.Exists(xml) ? Provider(xml) : null;
    }

    private static DocumentationProvider Provider(string xml) =>
        Providers.GetOrAdd(xml, file => new XmlDocumentationFile(file));

    /// <summary>
    /// The reference pack of the running runtime: the runtime lives in DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION;
    /// the pack of that version, else the newest of the same major.minor (an SDK may bundle another patch).
    /// </summary>
    private static string? FindReferencePack()
    {
        var version = Path.GetFileName(RuntimeDirectory);
        var dotnetRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(RuntimeDirectory)));
        if (dotnetRoot is null || !Version.TryParse(version.Split('-')[0], out var runtime)) return null;
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var framework = $"net{runtime.Major}.{runtime.Minor}";
        var candidates = Directory.GetDirectories(packs)
            .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(p => p.Version is { } v && v.Major == runtime.Major && v.Minor == runtime.Minor)
            .OrderByDescending(p => Path.GetFileName(p.Dir) == version)
            .ThenByDescending(p => p.Version)
            .Select(p => Path.Combine(p.Dir, "ref", framework));
        return candidates.FirstOrDefault(Directory.Exists);
    }
}
