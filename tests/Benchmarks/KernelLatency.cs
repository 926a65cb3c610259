using System.Text;
using System.Text.Json.Nodes;
using static Benchmarks.Statistics;

namespace Benchmarks;

/// <summary>
/// What a front end waits for, through jupyter_client (kernel_latency.py): the first cell on a fresh kernel, from its
/// ready and from its start request, and a trivial cell (`1 + 1`) on a started kernel. Our kernel, ipykernel and Microsoft's kernel take
/// turns, each start a fresh kernel; the first round is a warm-up.
/// </summary>
public static class KernelLatency
{
    public const int Starts = 5;
    public const int TrivialCellsPerStart = 4;
    const string Code = "1 + 1";

    public static string Table(string repoRoot, JupyterSides sides)
    {
        var kernels = new (string Name, string Spec, Dictionary<string, string> Environment)[]
        {
            ("ours", ".net-csharp", sides.Ours),
            ("ipykernel", "python3", new()),
            ("Microsoft's", ".net-csharp", sides.Microsofts),
        };
        var first = kernels.ToDictionary(k => k.Name, _ => new List<double>());
        var firstAfterReady = kernels.ToDictionary(k => k.Name, _ => new List<double>());
        var trivial = kernels.ToDictionary(k => k.Name, _ => new List<double>());
        var script = Path.Combine(repoRoot, "tests", "Benchmarks", "kernel_latency.py");
        for (var rep = 0; rep <= Starts; rep++)
        {
            Console.Error.WriteLine(rep == 0 ? "latency: warm-up" : $"latency: start {rep}/{Starts}");
            for (var i = 0; i < kernels.Length; i++)
            {
                var (name, spec, environment) = kernels[(i + rep) % kernels.Length];  // a different kernel goes first each round
                var stdout = ChildProcess.Run(DebianPython.Python, [script, spec, Code, TrivialCellsPerStart.ToString()], repoRoot, Runner.Limit, environment)
                    .EnsureSucceeded($"kernel_latency.py on {name}").Stdout;
                if (rep == 0) continue;
                var measured = JsonNode.Parse(stdout.Trim().Split('\n').Last())!;
                first[name].Add((double)measured["first"]!);
                firstAfterReady[name].Add((double)measured["first_after_ready"]!);
                trivial[name].AddRange(measured["trivial"]!.AsArray().Select(s => (double)s!));
            }
        }

        double Ms(Dictionary<string, List<double>> of, string name) => Median(of[name]) * 1000;
        var table = new StringBuilder();
        table.AppendLine("| measure | ours ms | ipykernel ms | Microsoft's ms | ratio ours/ipykernel | ratio ours/Microsoft's |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (label, of) in new[] { ($"trivial cell `{Code}` on a started kernel, median of {Starts * TrivialCellsPerStart}", trivial), ($"first cell from the kernel's ready (kernel_info reply), fresh kernel, median of {Starts}", firstAfterReady),
                     ($"first cell from the start request (kernel start included), fresh kernel, median of {Starts}", first) })
            table.AppendLine($"| {label} | {Ms(of, "ours"):F1} | {Ms(of, "ipykernel"):F1} | {Ms(of, "Microsoft's"):F1} | {Ms(of, "ours") / Ms(of, "ipykernel"):F2} | {Ms(of, "ours") / Ms(of, "Microsoft's"):F2} |");
        var trivialRatio = Ms(trivial, "ours") / Ms(trivial, "ipykernel");
        // The issue's 0.25 s target stands against a first cell of 0.42 s on ours and 0.011 s on ipykernel: a cell sent once the kernel is ready.
        var firstSeconds = Ms(firstAfterReady, "ours") / 1000;
        table.AppendLine();
        table.AppendLine($"Targets: a trivial cell at most 2× ipykernel's: {(trivialRatio <= 2 ? "holds" : "fails")} at {trivialRatio:F2}×; " +
            $"the first cell after the kernel is ready at most 0.25 s: {(firstSeconds <= 0.25 ? "holds" : "fails")} at {firstSeconds:F2} s.");
        return table.ToString();
    }
}
