using System.Text;
using System.Text.Json.Nodes;
using static Benchmarks.Statistics;

namespace Benchmarks;

/// <summary>
/// Peak RSS of the whole process tree: our runner (the series in one `run notebooks` process, and each notebook in a
/// process of its own) against Microsoft's engine through dotnet-repl (`dotnet repl --run NOTEBOOK --exit-after-run`,
/// which runs one notebook a process), alternating. Microsoft's series figure is the largest of its five processes:
/// the least memory its engine needs to run the whole series.
/// </summary>
public static class SeriesMemory
{
    public static string Table(string repoRoot, string runnerDll, Dictionary<string, string> microsofts, int repetitions)
    {
        var notebooks = Repository.Notebooks();
        using var scratch = new ScratchFolder("speed-memory");
        var outDir = scratch.Root;
        var oursSeries = new List<double>();
        var ours = notebooks.ToDictionary(n => n, _ => new List<double>());
        var theirs = notebooks.ToDictionary(n => n, _ => new List<double>());
        for (var rep = 0; rep <= repetitions; rep++)  // rep 0 warms both up (restore, native load, file cache)
        {
            Console.Error.WriteLine(rep == 0 ? "memory: warm-up" : $"memory: repetition {rep}/{repetitions}");
            var series = Ours(repoRoot, runnerDll, ["run", "notebooks", "-o", Path.Combine(outDir, "ours-series")]);
            foreach (var notebook in notebooks)
            {
                var our = Ours(repoRoot, runnerDll, ["run", notebook, "-o", Path.Combine(outDir, "ours", Path.GetFileName(notebook))]);
                var their = Microsofts(notebook, Path.Combine(outDir, "microsoft", Path.GetFileName(notebook)), microsofts);
                if (rep == 0) continue;
                ours[notebook].Add(our);
                theirs[notebook].Add(their);
            }
            if (rep > 0) oursSeries.Add(series);
        }

        var table = new StringBuilder();
        table.AppendLine("| notebook | ours MB (`run NOTEBOOK`) | Microsoft's MB (dotnet-repl) | ratio ours/Microsoft's |");
        table.AppendLine("|---|---:|---:|---:|");
        foreach (var n in notebooks)
        {
            var (o, t) = (Median(ours[n]), Median(theirs[n]));
            table.AppendLine($"| {Path.GetFileNameWithoutExtension(n)} | {o:F0} | {t:F0} | {o / t:F2} |");
        }
        var ourSeries = Median(oursSeries);
        var theirSeries = notebooks.Max(n => Median(theirs[n]));
        var ratio = ourSeries / theirSeries;
        table.AppendLine($"| **series: ours in one process (`run notebooks`), Microsoft's largest process** | **{ourSeries:F0}** | **{theirSeries:F0}** | **{ratio:F2}** |");
        table.AppendLine();
        var perRepetition = Enumerable.Range(0, repetitions).Select(i => (Ours: oursSeries[i], Theirs: notebooks.Max(n => theirs[n][i]))).ToList();
        table.AppendLine($"Series per repetition, ours/Microsoft's largest: {string.Join(", ", perRepetition.Select(r => $"{r.Ours:F0}/{r.Theirs:F0}"))} MB; ratio {perRepetition.Min(r => r.Ours / r.Theirs):F2}–{perRepetition.Max(r => r.Ours / r.Theirs):F2}.");
        table.AppendLine();
        table.AppendLine($"Target: the series in one process at most Microsoft's engine's peak: {(ratio <= 1 ? "holds" : "fails")} at {ratio:F2} ({ourSeries - theirSeries:+0;-0} MB).");
        return table.ToString();
    }

    static double Ours(string repoRoot, string runnerDll, string[] args)
    {
        var (result, peak) = ProcessTreeMemory.Run("dotnet", [runnerDll, .. args], repoRoot);
        result.EnsureSucceeded($"runner {string.Join(' ', args)}");
        return peak;
    }

    // dotnet-repl is a local tool (dotnet-tools.json), found from inside the clone; the notebook's folder is its working directory, as a front end's.
    static double Microsofts(string notebook, string output, Dictionary<string, string> environment)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var (result, peak) = ProcessTreeMemory.Run("dotnet", ["repl", "--run", notebook, "--exit-after-run", "--output-path", output],
            Path.GetDirectoryName(notebook)!, environment);
        result.EnsureSucceeded($"dotnet repl --run {notebook}");
        var errors = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray()
            .Count(c => c!["outputs"]?.AsArray().Any(o => (string)o!["output_type"]! == "error") == true);
        if (errors > 0) throw new InvalidOperationException($"dotnet repl --run {notebook}: {errors} cell(s) failed; see {output}");
        return peak;
    }
}
