using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Execution;

/// <summary>
/// Compiles, and never runs, a one-line cell on top of the session's first submission: the path every cell takes
/// (parse, bind, emit with its PDB, load). A fresh process JIT-compiles much of Roslyn the first time a cell uses it;
/// the kernel does it here while the front end connects, so the first cell a user runs compiles at warm speed.
/// Nothing it declares reaches the session, whose state never continues from it.
/// </summary>
public static class CompilerWarmUp
{
    private const string FirstCell = "var seed = 42;\nseed + 1";

    public static void Compile(Script first, ScriptOptions options) =>
        ScriptSubmissions.Compile(first.ContinueWith(FirstCell, options));
}
