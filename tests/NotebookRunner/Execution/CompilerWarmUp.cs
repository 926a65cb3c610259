using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Execution;

/// <summary>
/// Compiles, and never runs, a throwaway script shaped like notebook code (a class, lambdas, LINQ, loops, string
/// interpolation, a local function) with the session's options. A fresh process JIT-compiles much of Roslyn's
/// binder, emitter and PDB writer the first time a cell uses them; the kernel does it here while the front end
/// connects, so the notebook's first cells compile at warm speed. Nothing it declares reaches the session.
/// </summary>
public static class CompilerWarmUp
{
    private const string Code = """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        static class Statistics
        {
            public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();
        }

        record Point(double X, double Y);

        var losses = new List<double>();
        var points = Enumerable.Range(0, 10).Select(i => new Point(i, 2.0 * i + 1)).ToArray();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var loss = points.Sum(p => (p.Y - 2 * p.X) * (p.Y - 2 * p.X)) / points.Length;
            losses.Add(loss);
            if (epoch % 2 == 0) Console.WriteLine($"epoch {epoch}: loss {loss:F6}");
        }
        double Twice(double x) => 2 * x;
        Func<double, double> square = x => x * x;
        var (first, last) = (losses[0], losses[^1]);
        string.Join(", ", losses.Where(l => l > Twice(first) || square(last) < 0).Select(l => l.ToString("F4")))
        """;

    public static void Compile(ScriptOptions options) => CSharpScript.Create(Code, options).Compile();
}
