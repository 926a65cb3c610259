using System.Runtime.InteropServices;
using System.Text;

namespace Benchmarks;

/// <summary>
/// `speed` mode: issue 19's three measurements, each side by side from one run: the series against the PyTorch
/// originals in Jupyter, the series' peak memory against Microsoft's engine, and kernel latencies against ipykernel.
/// </summary>
public static class SpeedMode
{
    public static string Report(string repoRoot, string runnerDll, int repetitions)
    {
        var sides = JupyterSides.Prepare(repoRoot, runnerDll);
        var loadBefore = LoadAverage();
        var report = new StringBuilder();
        report.AppendLine($"Machine: {Environment.ProcessorCount} cores, {TotalMemoryGiB():F0} GiB, {RuntimeInformation.OSDescription}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. " +
                          $"Each figure is a median of {repetitions} repetitions after a warm-up (the series: two runs a side in each) unless its row says otherwise.");
        report.AppendLine();
        report.AppendLine("### The series headless against the PyTorch originals in Jupyter (wall seconds)");
        report.AppendLine();
        report.AppendLine(SeriesAgainstOriginals.Table(repoRoot, runnerDll, repetitions));
        report.AppendLine("### Peak memory of the whole process tree against Microsoft's engine (MB)");
        report.AppendLine();
        report.AppendLine(SeriesMemory.Table(repoRoot, runnerDll, sides.Microsofts, repetitions));
        report.AppendLine("### Kernel latency through jupyter_client (milliseconds)");
        report.AppendLine();
        report.AppendLine(KernelLatency.Table(repoRoot, sides));
        // Other work on a shared machine slows both sides, and not always equally; the load says how busy it was.
        report.AppendLine($"Load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {LoadAverage()}.");
        return report.ToString();
    }

    static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    static double TotalMemoryGiB() =>
        File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kb
            ? double.Parse(kb) / (1024 * 1024) : double.NaN;
}
