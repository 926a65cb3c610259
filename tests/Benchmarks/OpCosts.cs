using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using TorchSharp;

namespace Benchmarks;

/// <summary>
/// Where a step's time goes: notebook 02's step split into pieces, each timed in compiled C# (in this process, so
/// no notebook cell around it) and in PyTorch (pytorch_ops.py, the same rows line for line), in microseconds.
/// The two sides alternate for a few rounds and each row keeps its median, so a noisy spell hits both.
/// </summary>
public static class OpCosts
{
    const int Calls = 20000, Batches = 5;
    public const int Rounds = 5;

    public static string Table(string repoRoot, bool withPython)
    {
        TorchNatives.Load();
        var csharp = new List<List<(string Name, double Microseconds)>>();
        var python = new List<JsonObject>();
        for (var round = 0; round < Rounds; round++)
        {
            csharp.Add(Measure());
            if (withPython) python.Add(PythonCosts(repoRoot));
        }
        var table = new StringBuilder();
        table.AppendLine("| piece of 02's step | C# µs | PyTorch µs | C# − PyTorch µs |");
        table.AppendLine("|---|---:|---:|---:|");
        foreach (var name in csharp[0].Select(r => r.Name))
        {
            var us = Statistics.Median(csharp.Select(round => round.Single(r => r.Name == name).Microseconds));
            var hasRow = withPython && python[0].ContainsKey(name);
            var py = hasRow ? Statistics.Median(python.Select(round => (double)round[name]!)) : double.NaN;
            table.AppendLine($"| `{name}` | {us:F2} | {(hasRow ? py.ToString("F2") : "n/a")} | {(hasRow ? (us - py).ToString("+0.00;-0.00") : "n/a")} |");
        }
        return table.ToString();
    }

    static List<(string Name, double Microseconds)> Measure()
    {
        torch.manual_seed(42);
        var (inputs, targets) = (torch.rand(100, 3), torch.rand(100, 1));
        var w = torch.rand(new long[] { 3, 1 }, requires_grad: true);
        var b = torch.rand(new long[] { 1 }, requires_grad: true);
        var lr = 0.003f;
        var outputs = inputs.matmul(w) + b;
        var scalar = torch.mean(outputs.detach());
        var lrOnce = lr.ToScalar();  // what `lr * w.grad` makes anew (a native c10::Scalar) on every call
        (w.sum() + b.sum()).backward();

        torch.Tensor Forward() => torch.mean(torch.square(inputs.matmul(w) + b - targets));
        void Update()
        {
            using (torch.no_grad())
            {
                w.sub_(lr * w.grad);
                b.sub_(lr * b.grad);
            }
        }
        void Zero()
        {
            w.grad.zero_();
            b.grad.zero_();
        }
        var rows = new List<(string, Action)>
        {
            ("inputs.matmul(w)", () => inputs.matmul(w)),
            ("outputs + b", () => { var _ = outputs + b; }),
            ("loss.item()", () => scalar.item<float>()),
            ("lr * w.grad", () => { var _ = lr * w.grad; }),
            ("w.grad * lrOnce (C# only: the Scalar made once)", () => { var _ = w.grad * lrOnce; }),
            ("w.grad.zero_()", () => w.grad.zero_()),
            ("forward: matmul, +, -, square, mean", () => Forward()),
            ("forward + loss.backward()", () => Forward().backward()),
            ("update under no_grad: w.sub_(lr * w.grad), b too", Update),
            ("w.grad.zero_(), b.grad.zero_()", Zero),
            ("the whole step", () =>
            {
                var loss = Forward();
                loss.item<float>();
                loss.backward();
                Update();
                Zero();
            }),
        };
        return rows.Select(r => (r.Item1, Cost(r.Item2))).ToList();
    }

    /// <summary>Median microseconds per call over batches, each call in its own dispose scope as the notebooks' loops do.</summary>
    static double Cost(Action step)
    {
        void Call() { using (torch.NewDisposeScope()) step(); }
        for (var i = 0; i < Calls / 10; i++) Call();
        var batches = new List<double>();
        for (var batch = 0; batch < Batches; batch++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Calls; i++) Call();
            batches.Add(clock.Elapsed.TotalMicroseconds / Calls);
        }
        return Statistics.Median(batches);
    }

    static JsonObject PythonCosts(string repoRoot)
    {
        var script = Path.Combine(repoRoot, "tests/Benchmarks/pytorch_ops.py");
        return JsonNode.Parse(ChildProcess.Run(DebianPython.Python, [script], repoRoot, Runner.Limit).EnsureSucceeded(script).Stdout)!.AsObject();
    }
}
