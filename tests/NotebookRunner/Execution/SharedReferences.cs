using System.Collections.Concurrent;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Execution;

/// <summary>
/// The metadata references that the sessions of one process share (`run` makes one for all its notebooks). Roslyn
/// keeps the symbols it builds for an assembly with that assembly's metadata object, so a notebook whose references
/// are the very objects an earlier notebook compiled against binds against symbols already built, instead of reading
/// and binding the framework, TorchSharp and the rest again; and the process holds one copy of them, not one per
/// notebook. A file is read again when its size or time changed, so a `#r` to a library rebuilt between two
/// notebooks gets the new build. Each reference comes with its XML documentation where there is one.
/// </summary>
public sealed class SharedReferences
{
    private readonly ConcurrentDictionary<(string Path, MetadataReferenceProperties Properties), (DateTime Written, long Length, PortableExecutableReference Reference)> _files = new();
    private readonly ConcurrentDictionary<string, CachingMetadataResolver> _resolvers = new(StringComparer.Ordinal);
    private readonly Lazy<ScriptOptions> _defaults;
    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)! + Path.DirectorySeparatorChar;

    public SharedReferences() => _defaults = new(CreateDefaults);

    /// <summary>
    /// What every session compiles with before its notebook adds anything: the Polyglot C# kernel's imports and
    /// references, the latest language version, debug information for tracebacks. Sessions add their notebook's
    /// own resolvers.
    /// </summary>
    public ScriptOptions Defaults => _defaults.Value;

    /// <summary>The resolver for `#r` in the notebooks of <paramref name="baseDirectory"/>, one for the folder.</summary>
    public CachingMetadataResolver Resolver(string baseDirectory) =>
        _resolvers.GetOrAdd(Path.GetFullPath(baseDirectory), directory => new CachingMetadataResolver(directory, this));

    /// <summary>The one reference to the assembly at <paramref name="path"/> while the file stays as it is.</summary>
    public PortableExecutableReference FromFile(string path, MetadataReferenceProperties properties = default) =>
        Shared(Path.GetFullPath(path), properties, null);

    /// <summary>
    /// The shared reference for a file reference that a resolver or Roslyn made (the first one made for a file becomes
    /// the shared one, its metadata read once); any other reference as it is.
    /// </summary>
    public PortableExecutableReference Share(PortableExecutableReference reference) =>
        reference.FilePath is { } path && reference.Properties.Kind == MetadataImageKind.Assembly
            ? Shared(Path.GetFullPath(path), reference.Properties, reference)
            : reference;

    private PortableExecutableReference Shared(string fullPath, MetadataReferenceProperties properties, PortableExecutableReference? made)
    {
        var key = (fullPath, properties);
        // The runtime's own assemblies cannot change while it runs, and every compile of every cell asks for them.
        if (_files.TryGetValue(key, out var known) && fullPath.StartsWith(RuntimeDirectory, StringComparison.Ordinal)) return known.Reference;
        var file = new FileInfo(fullPath);
        if (!file.Exists && made is not null) return made;
        var (written, length) = file.Exists ? (file.LastWriteTimeUtc, file.Length) : (default, -1L);
        if (known.Reference is not null && known.Written == written && known.Length == length) return known.Reference;
        var documentation = ReferenceDocumentation.For(fullPath);
        var reference = made is null
            ? MetadataReference.CreateFromFile(fullPath, properties, documentation)
            : documentation is null
                ? made
                : ((AssemblyMetadata)made.GetMetadata()).GetReference(documentation, properties.Aliases, properties.EmbedInteropTypes, fullPath, made.Display);
        return _files.AddOrUpdate(key, (written, length, reference),
            (_, current) => current.Written == written && current.Length == length ? current : (written, length, reference)).Reference;
    }

    private ScriptOptions CreateDefaults()
    {
        var options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithAllowUnsafe(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .AddImports("System", "System.Text", "System.Collections", "System.Collections.Generic",
                "System.Threading.Tasks", "System.Linq")
            .AddReferences(
                typeof(Enumerable).Assembly,
                typeof(IEnumerable<>).Assembly,
                typeof(Task<>).Assembly,
                typeof(ScriptSubmissions).Assembly,
                typeof(Formatter).Assembly,
                typeof(IHtmlContent).Assembly)
            .AddReferences("netstandard");
        return options.WithReferences(options.MetadataReferences.Select(r => r is PortableExecutableReference pe ? Share(pe) : r));
    }
}
