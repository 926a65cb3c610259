using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Execution;

/// <summary>
/// Resolves each reference once for the notebooks of one folder. Roslyn's ScriptMetadataResolver makes a new
/// MetadataReference on every call, which reads the whole file again; the script's next submission then
/// sees "different" references and rebuilds every assembly symbol, so each cell paid for re-reading and
/// re-binding the framework. Handing back the same reference objects lets Roslyn reuse them, as the Polyglot
/// C# kernel does with its own caching resolver. What it hands back is the <see cref="SharedReferences"/> object for
/// that file, which later notebooks get too (and a new one once the file changed).
/// </summary>
public sealed class CachingMetadataResolver : MetadataReferenceResolver
{
    private readonly ScriptMetadataResolver _inner;
    private readonly SharedReferences _shared;
    private readonly ConcurrentDictionary<(string Reference, string? BaseDirectory, MetadataReferenceProperties Properties), ImmutableArray<PortableExecutableReference>> _references = new();
    private readonly ConcurrentDictionary<AssemblyIdentity, PortableExecutableReference?> _missingAssemblies = new();

    public CachingMetadataResolver(string baseDirectory, SharedReferences shared)
    {
        _inner = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);
        _shared = shared;
    }

    public override bool ResolveMissingAssemblies => _inner.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        // A relative #r resolves against the folder of the file it is in; each cell has its own file name.
        var key = (reference, baseFilePath is null ? null : Path.GetDirectoryName(baseFilePath), properties);
        var resolved = _references.GetOrAdd(key, _ => _inner.ResolveReference(reference, baseFilePath, properties));
        // A #r to a file that does not exist yet must be able to succeed once the file is there.
        if (resolved.IsDefaultOrEmpty) _references.TryRemove(key, out _);
        return resolved.IsDefaultOrEmpty ? resolved : resolved.Select(_shared.Share).ToImmutableArray();
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        _missingAssemblies.GetOrAdd(referenceIdentity, identity => _inner.ResolveMissingAssembly(definition, identity)) is { } resolved
            ? _shared.Share(resolved)
            : null;

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
