using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Execution;

/// <summary>
/// Compiled submissions that the notebooks of one process run as their own. A series' notebooks begin alike: the
/// Polyglot helpers' submission, a `#r` cell, a `#load` of the shared helpers. A script can run many times, each
/// time with fresh state, so a notebook whose cell is the same (same code, on the same previous submission, with the
/// same references and options, every `#load`ed file as it was) runs the submission another notebook compiled,
/// instead of compiling it again. Only submissions whose own cell declares and runs nothing are shared (usings and
/// directives; what they `#load` runs afresh each time), and none whose `#load`ed files keep static fields, which
/// would otherwise be one for all notebooks: a notebook cannot tell it got a shared one.
/// </summary>
public sealed class SharedSubmissions
{
    private sealed record Shared(ScriptOptions Options, Script<object> Script, LoadedFiles LoadedFiles);

    private readonly ConcurrentDictionary<(Script? Previous, string Code, string? Directory), List<Shared>> _submissions = new();

    /// <summary>The shared submission for this cell, if one was compiled from the same as it would be now; else null.</summary>
    public Script<object>? Find(Script? previous, string code, ScriptOptions options)
    {
        if (!_submissions.TryGetValue(Key(previous, code, options), out var candidates)) return null;
        lock (candidates)
            return candidates.FirstOrDefault(c => SameOptions(c.Options, options) && c.LoadedFiles.Unchanged)?.Script;
    }

    /// <summary>Offers a submission that compiled, for later notebooks; kept only if it can be shared.</summary>
    public void Offer(Script<object> script, string code, ScriptOptions options)
    {
        var compilation = script.GetCompilation();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = ((CSharpSyntaxTree)tree).GetCompilationUnitRoot();
            if (root.GetReferenceDirectives().Count > 0) return;
            var ownCell = tree.FilePath == options.FilePath;
            if (ownCell ? root.Members.Count > 0 : root.DescendantNodes().Any(DeclaresStaticState)) return;
        }
        var candidates = _submissions.GetOrAdd(Key(script.Previous, code, options), _ => []);
        lock (candidates)
            if (!candidates.Any(c => SameOptions(c.Options, options)))
                candidates.Add(new Shared(options, script, LoadedFiles.Of(compilation, options.FilePath)));
    }

    private static (Script?, string, string?) Key(Script? previous, string code, ScriptOptions options) =>
        (previous, code, Path.GetDirectoryName(options.FilePath));

    private static bool DeclaresStaticState(SyntaxNode node) => node switch
    {
        FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword),
        PropertyDeclarationSyntax property => property.Modifiers.Any(SyntaxKind.StaticKeyword)
                                              && property.AccessorList?.Accessors.Any(a => a.Body is null && a.ExpressionBody is null) == true,
        EventFieldDeclarationSyntax e => e.Modifiers.Any(SyntaxKind.StaticKeyword),
        // A static constructor runs once per process, not once per notebook.
        ConstructorDeclarationSyntax constructor => constructor.Modifiers.Any(SyntaxKind.StaticKeyword),
        _ => false,
    };

    /// <summary>
    /// What a submission compiles against: its references (the very objects), imports, resolvers and settings. The
    /// language version is not public; every session takes it from the same defaults.
    /// </summary>
    private static bool SameOptions(ScriptOptions a, ScriptOptions b) =>
        Enumerable.SequenceEqual(a.MetadataReferences, b.MetadataReferences, ReferenceEqualityComparer.Instance)
        && a.Imports.SequenceEqual(b.Imports)
        && ReferenceEquals(a.MetadataResolver, b.MetadataResolver)
        && Equals(a.SourceResolver, b.SourceResolver)
        && a.EmitDebugInformation == b.EmitDebugInformation
        && a.AllowUnsafe == b.AllowUnsafe
        && a.OptimizationLevel == b.OptimizationLevel
        && a.CheckOverflow == b.CheckOverflow
        && a.WarningLevel == b.WarningLevel
        && Equals(a.FileEncoding, b.FileEncoding);
}
