using System.Diagnostics;
using TorchSharp;

namespace Benchmarks;

/// <summary>Peak RSS of notebook 02's loop at 10k and 100k steps, with and without a dispose scope per step; each case in its own child process.</summary>
public static class MemoryProbe
{
    public static string Table()
    {
        var lines = new List<string> { "| 01 loop (compiled Release, not a notebook cell) | peak RSS at 10k steps MB | peak RSS at 100k steps MB | growth MB | steps/s at 100k |", "|---|---:|---:|---:|---:|" };
        foreach (var scoped in new[] { true, false })
        {
            var (small, large) = (Child(10_000, scoped), Child(100_000, scoped));
            lines.Add($"| {(scoped ? "with NewDisposeScope" : "without dispose scopes")} | {small.PeakMB:F1} | {large.PeakMB:F1} | {large.PeakMB - small.PeakMB:F1} | {100_000 / large.Seconds:F0} |");
        }
        return string.Join("\n", lines) + "\n";
    }

    static (double PeakMB, double Seconds) Child(int steps, bool scoped)
    {
        var output = ChildProcess.Run("dotnet", [typeof(MemoryProbe).Assembly.Location, "memory-child", steps.ToString(), scoped ? "scoped" : "unscoped"],
                Environment.CurrentDirectory, Runner.Limit)
            .EnsureSucceeded("memory child").Stdout;
        var fields = output.Trim().Split('\n').Last().Split(' ');
        return (double.Parse(fields[0]) / (1024 * 1024), double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Runs 02's loop (as its training cell writes it, minus printing) and prints the process's peak working set in bytes and the loop's seconds.</summary>
    public static void RunChild(int steps, bool scoped)
    {
        TorchNatives.Load();
        torch.manual_seed(42);
        var inputs = torch.rand(100, 3);
        var targets = inputs.matmul(torch.tensor(new float[] { 1.1f, 2.2f, 3.3f }).reshape(3, 1)) + 4.4f + 0.1f * torch.randn(100, 1);
        var w = torch.rand(new long[] { 3, 1 }, requires_grad: true);
        var b = torch.rand(new long[] { 1 }, requires_grad: true);
        var lr = 0.003f;
        var losses = new List<double>();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++)
        {
            using var scope = scoped ? torch.NewDisposeScope() : null;
            var outputs = inputs.matmul(w) + b;
            var loss = torch.mean(torch.square(outputs - targets));
            losses.Add(loss.item<float>());
            loss.backward();
            using (torch.no_grad())
            {
                w.sub_(lr * w.grad);
                b.sub_(lr * b.grad);
            }
            w.grad.zero_();
            b.grad.zero_();
        }
        Console.WriteLine(FormattableString.Invariant($"{Process.GetCurrentProcess().PeakWorkingSet64} {clock.Elapsed.TotalSeconds}"));
    }
}
