using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Execution;

/// <summary>
/// Resolves each reference once per notebook. Roslyn's ScriptMetadataResolver makes a new
/// MetadataReference on every call, which reads the whole file again; the script's next submission then
/// sees "different" references and rebuilds every assembly symbol, so each cell paid for re-reading and
/// re-binding the framework. Handing back the same reference objects lets Roslyn reuse them, as the Polyglot
/// C# kernel does with its own caching resolver. Each comes with its XML documentation where there is one.
/// </summary>
public sealed class CachingMetadataResolver : MetadataReferenceResolver
{
    private readonly ScriptMetadataResolver _inner;
    private readonly ConcurrentDictionary<(string Reference, string? BaseFilePath, MetadataReferenceProperties Properties), ImmutableArray<PortableExecutableReference>> _references = new();
    private readonly ConcurrentDictionary<AssemblyIdentity, PortableExecutableReference?> _missingAssemblies = new();

    public CachingMetadataResolver(string baseDirectory) =>
        _inner = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);

    public override bool ResolveMissingAssemblies => _inner.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        var resolved = _references.GetOrAdd((reference, baseFilePath, properties),
            key => _inner.ResolveReference(key.Reference, key.BaseFilePath, key.Properties).Select(ReferenceDocumentation.With).ToImmutableArray());
        // A #r to a file that does not exist yet must be able to succeed once the file is there.
        if (resolved.IsDefaultOrEmpty) _references.TryRemove((reference, baseFilePath, properties), out _);
        return resolved;
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        _missingAssemblies.GetOrAdd(referenceIdentity,
            identity => _inner.ResolveMissingAssembly(definition, identity) is { } resolved ? ReferenceDocumentation.With(resolved) : null);

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
