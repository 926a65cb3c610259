using System.Diagnostics;
using System.Text;
using static Benchmarks.Statistics;

namespace Benchmarks;

/// <summary>
/// `kernels` mode: the series executed by nbclient (Jupyter's headless client) on our kernel and on Microsoft's
/// .NET Interactive kernel (the dotnet-tools.json pin), alternating, a fresh kernel per notebook as a front end
/// starts one, each side in the private folders of <see cref="JupyterSides"/>.
/// </summary>
public static class KernelComparison
{
    public static string Table(string repoRoot, string runnerDll, int repetitions)
    {
        var prepared = JupyterSides.Prepare(repoRoot, runnerDll);
        var (ours, microsofts) = (prepared.Ours, prepared.Microsofts);

        var client = Path.Combine(repoRoot, "tests", "JupyterKernel.Tests", "clients", "execute_notebook.py");
        var notebooks = Directory.GetFiles(Path.Combine(repoRoot, "notebooks"), "*.ipynb").Order().ToList();
        using var scratch = new ScratchFolder("kernel-benchmark");
        var outDir = scratch.Root;
        var sides = new[] { ("our kernel (NotebookRunner)", ours), ("Microsoft's kernel (.NET Interactive 1.0.712001)", microsofts) };
        var seconds = sides.ToDictionary(s => s.Item1, _ => notebooks.ToDictionary(n => n, _ => new List<double>()));
        for (var rep = 0; rep <= repetitions; rep++)  // rep 0 warms both up (restore, native load, file cache)
        {
            Console.Error.WriteLine(rep == 0 ? "kernels: warm-up" : $"kernels: repetition {rep}/{repetitions}");
            foreach (var (side, environment) in sides)
            foreach (var notebook in notebooks)
            {
                var output = Path.Combine(outDir, Path.GetFileName(notebook));
                var clock = Stopwatch.StartNew();
                ChildProcess.Run("/usr/bin/python3", [client, notebook, output], Path.GetDirectoryName(notebook)!, Runner.Limit, environment)
                    .EnsureSucceeded($"nbclient on {side}: {Path.GetFileName(notebook)}");
                if (rep > 0) seconds[side][notebook].Add(clock.Elapsed.TotalSeconds);
            }
        }

        double Series(string side) => Median(Enumerable.Range(0, repetitions).Select(i => notebooks.Sum(n => seconds[side][n][i])));
        var table = new StringBuilder();
        table.AppendLine($"nbclient 0.7.2 (Debian) executing each notebook with a fresh kernel, wall seconds including kernel start; median of {repetitions} alternating repetitions after a warm-up; {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        table.AppendLine();
        table.AppendLine($"| notebook | {sides[0].Item1} s | {sides[1].Item1} s | ratio ours/Microsoft's |");
        table.AppendLine("|---|---:|---:|---:|");
        foreach (var n in notebooks)
        {
            var a = Median(seconds[sides[0].Item1][n]);
            var b = Median(seconds[sides[1].Item1][n]);
            table.AppendLine($"| {Path.GetFileNameWithoutExtension(n)} | {a:F2} | {b:F2} | {a / b:F2} |");
        }
        var (oursSeries, theirs) = (Series(sides[0].Item1), Series(sides[1].Item1));
        table.AppendLine($"| **series** | {oursSeries:F2} | {theirs:F2} | {oursSeries / theirs:F2} |");
        return table.ToString();
    }
}
