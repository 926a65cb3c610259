using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Execution;

/// <summary>
/// Compiles, and never runs, a one-line cell: the path every cell takes (parse, bind, emit with its PDB, load). A
/// fresh process JIT-compiles much of Roslyn the first time a cell uses it; the kernel does it here while the front
/// end connects, so the first cell a user runs compiles at warm speed. Nothing it declares reaches the session, whose
/// state never continues from it.
/// </summary>
public static class CompilerWarmUp
{
    private const string FirstCell = "var seed = 42;\nseed + 1";

    /// <summary>The cell on top of the session's first submission, as a user's first cell compiles.</summary>
    public static void Compile(Script first, ScriptOptions options) =>
        ScriptSubmissions.Compile(first.ContinueWith(FirstCell, options));

    /// <summary>
    /// The same cell as a script of its own against the core library alone: Roslyn's parser, binder, emitter and PDB
    /// writer, without binding the session's references, which the first submission does meanwhile on another thread.
    /// </summary>
    public static void CompileAlone() =>
        ScriptSubmissions.Compile(CSharpScript.Create(FirstCell, ScriptOptions.Default
            .WithReferences(typeof(object).Assembly).WithImports().WithEmitDebugInformation(true)));
}
