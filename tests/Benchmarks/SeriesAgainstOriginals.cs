using System.Text;
using System.Text.Json.Nodes;
using static Benchmarks.Statistics;

namespace Benchmarks;

/// <summary>
/// The series headless (`run notebooks`, one runner process) against the five PyTorch originals
/// (tests/Benchmarks/originals/, the sources' code seeded) executed by nbclient on ipykernel, a fresh kernel for
/// each notebook in one nbclient process, as Jupyter's own executor runs a notebook. Each repetition runs ours, the
/// originals twice, ours again, so both sides meet the same machine and each follows itself as often as the other.
/// </summary>
public static class SeriesAgainstOriginals
{
    /// <summary>One side's run of the series: the process's wall time, and per notebook its seconds and (ours only, from --report) Roslyn's compile and the cells' own run seconds.</summary>
    sealed record Series(double ProcessSeconds, Dictionary<string, Notebook> Notebooks)
    {
        public double Sum(Func<Notebook, double> seconds) => Notebooks.Values.Sum(seconds);
    }

    sealed record Notebook(double Seconds, double CompileSeconds = double.NaN, double RunSeconds = double.NaN);

    public static string Table(string repoRoot, string runnerDll, int repetitions)
    {
        var stems = Repository.Notebooks().Select(Path.GetFileNameWithoutExtension).ToList();
        var originals = stems.Select(s => Path.Combine(repoRoot, "tests", "Benchmarks", "originals", s + ".ipynb")).ToList();
        foreach (var missing in originals.Where(o => !File.Exists(o)))
            throw new FileNotFoundException($"{missing}: no PyTorch original for this notebook; add one beside the others", missing);
        using var scratch = new ScratchFolder("speed-series");
        var outDir = scratch.Root;

        // A side can run slower right after the other side than right after itself (the benchmarks' README has a run
        // where it did). So each repetition runs ours, the originals, the originals, ours: each side follows itself
        // once and the other once, and neither gains from the order.
        var ours = new List<Series>();
        var theirs = new List<Series>();
        Console.Error.WriteLine("series: warm-up");  // restore, native load, file cache; ends with ours, as each repetition begins
        RunOriginals(repoRoot, originals, outDir);
        RunOurs(repoRoot, runnerDll, outDir);
        for (var rep = 1; rep <= repetitions; rep++)
        {
            Console.Error.WriteLine($"series: repetition {rep}/{repetitions}");
            ours.Add(RunOurs(repoRoot, runnerDll, outDir));
            theirs.Add(RunOriginals(repoRoot, originals, outDir));
            theirs.Add(RunOriginals(repoRoot, originals, outDir));
            ours.Add(RunOurs(repoRoot, runnerDll, outDir));
        }

        var table = new StringBuilder();
        table.AppendLine("| notebook | ours s (`run notebooks`) | of which compile s | of which cells' run s | PyTorch original s (nbclient + ipykernel) | ratio ours/original |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var stem in stems)
        {
            double Ours(Func<Notebook, double> seconds) => Median(ours.Select(s => seconds(s.Notebooks[stem])));
            var (o, t) = (Ours(n => n.Seconds), Median(theirs.Select(s => s.Notebooks[stem].Seconds)));
            table.AppendLine($"| {stem} | {o:F2} | {Ours(n => n.CompileSeconds):F2} | {Ours(n => n.RunSeconds):F2} | {t:F2} | {o / t:F2} |");
        }
        var (ourSeries, theirSeries) = (Median(ours.Select(s => s.ProcessSeconds)), Median(theirs.Select(s => s.ProcessSeconds)));
        var ratio = ourSeries / theirSeries;
        table.AppendLine($"| **series, process wall** | **{ourSeries:F2}** | {Median(ours.Select(s => s.Sum(n => n.CompileSeconds))):F2} | {Median(ours.Select(s => s.Sum(n => n.RunSeconds))):F2} | **{theirSeries:F2}** | **{ratio:F2}** |");
        table.AppendLine();
        // Runs in order within each repetition: ours after itself, the originals after ours, the originals after
        // themselves, ours after the originals.
        static IEnumerable<double> Every(List<Series> runs, int first) => runs.Where((_, i) => i % 2 == first).Select(r => r.ProcessSeconds);
        table.AppendLine($"Series runs ({ours.Count} a side, in order): ours {string.Join(", ", ours.Select(o => $"{o.ProcessSeconds:F2}"))} s; " +
            $"originals {string.Join(", ", theirs.Select(t => $"{t.ProcessSeconds:F2}"))} s. Medians after the same side / after the other: " +
            $"ours {Median(Every(ours, 0)):F2}/{Median(Every(ours, 1)):F2} s, originals {Median(Every(theirs, 1)):F2}/{Median(Every(theirs, 0)):F2} s.");
        table.AppendLine();
        table.AppendLine($"Target: at most 0.40 of the originals' time (further aim 0.33): {(ratio <= 0.40 ? "holds" : "fails")} at {ratio:F2}" +
            $"{(ratio <= 0.33 ? ", the further aim holds too" : ratio <= 0.40 ? $", {ratio / 0.33:F2}× the further aim" : $", {ratio / 0.40:F2}× the target")}.");
        return table.ToString();
    }

    static Series RunOurs(string repoRoot, string runnerDll, string outDir)
    {
        var report = Path.Combine(outDir, "series.report.json");
        var seconds = Runner.Run(repoRoot, runnerDll, "run", "notebooks", "-o", Path.Combine(outDir, "ours"), "--report", report);
        var notebooks = JsonNode.Parse(File.ReadAllText(report))!["notebooks"]!.AsArray();
        static double Sum(JsonNode notebook, string key) => notebook["cells"]!.AsArray().Sum(c => (double)c![key]!);
        return new Series(seconds, notebooks.ToDictionary(n => Path.GetFileNameWithoutExtension((string)n!["notebook"]!),
            n => new Notebook((double)n!["duration"]!, Sum(n, "compile_seconds"), Sum(n, "run_seconds"))));
    }

    static Series RunOriginals(string repoRoot, IReadOnlyList<string> originals, string outDir)
    {
        var script = Path.Combine(repoRoot, "tests", "Benchmarks", "execute_series.py");
        var output = Path.Combine(outDir, "originals");
        Directory.CreateDirectory(output);
        var result = ChildProcess.Run(DebianPython.Python, [script, "python3", output, .. originals], repoRoot, Runner.Limit)
            .EnsureSucceeded("nbclient on the PyTorch originals");
        var seconds = JsonNode.Parse(result.Stdout.Trim().Split('\n').Last())!.AsObject();
        return new Series(result.Elapsed.TotalSeconds, seconds.ToDictionary(p => p.Key, p => new Notebook((double)p.Value!)));
    }
}
