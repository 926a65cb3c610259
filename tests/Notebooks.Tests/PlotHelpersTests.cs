using System.Globalization;

namespace Notebooks.Tests;

/// Runs helpers.csx's plot helpers through the real runner: what they refuse, and the log-axis labels they choose.
public sealed class PlotHelpersRun
{
    /// Loss ranges (smallest, largest) the series' curves span, and two more at the edges of the label formats.
    public static readonly (double Lo, double Hi)[] Ranges =
        [(5.97, 693), (0.0085, 47.2), (5.0e-5, 15.3), (1.1e-4, 3.53), (0.0101, 0.0123), (0.5, 0.5), (120, 2e6)];

    private const int SetupCells = 3;
    private readonly JsonObject _executed;

    public PlotHelpersRun()
    {
        using var scratch = ScratchFolder.LikeRepository("plot-helpers", ["notebooks", "helpers", "data"]);
        var root = scratch.Root;
        var cells = new List<string>
        {
            "#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"nuget: ScottPlot, 5.1.59\"",
            "#load \"../helpers/helpers.csx\"",
            "using TorchSharp;\nusing static TorchSharp.torch;",
            Refused("PlotData(torch.rand(100, 3), torch.rand(100), \"t\")"),
            Refused("PlotFit(torch.rand(100, 1), torch.rand(100), torch.rand(99, 1), \"t\")"),
            Refused("PlotResiduals(torch.rand(10), torch.rand(10, 2), \"t\")"),
            "var plot = PlotLoss(new List<double> { 4, 3, 2, 1 }, \"t\");\n" +
            "var xs = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().First().Data.GetScatterPoints().Select(p => p.X);\n" +
            "Console.Write(string.Join(\" \", xs));",
            Refused("CheckFinite(double.NaN, 7, 0.5)"),
        };
        foreach (var (lo, hi) in Ranges)
            cells.Add($"var (labels, _, _, _) = LogTicks(Math.Log10({lo.ToString("R", CultureInfo.InvariantCulture)}), Math.Log10({hi.ToString("R", CultureInfo.InvariantCulture)}));\n" +
                      "Console.Write(string.Join(\"\\n\", labels.Select(t => $\"{t.Position:R} {t.Label}\")));");
        var path = Path.Combine(root, "notebooks", "plot-helpers.ipynb");
        File.WriteAllText(path, FixtureNotebook.Json(cells).ToJsonString());
        var executed = Path.Combine(root, "plot-helpers.executed.ipynb");
        Result = RunnerProcess.Run(["run", path, "-o", executed, "--timeout", "300"], Path.Combine(root, "report.json"));
        _executed = File.Exists(executed) ? JsonNode.Parse(File.ReadAllText(executed))!.AsObject() : new JsonObject();
    }

    public RunnerResult Result { get; }

    private static string Refused(string call) =>
        $"try {{ {call}; Console.Write(\"accepted\"); }} catch (Exception e) {{ Console.Write(e.GetType().Name + \": \" + e.Message); }}";

    /// The text the k-th cell after the setup printed.
    public string Printed(int k)
    {
        var code = _executed["cells"]?.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        return code is null || code.Count <= SetupCells + k ? "" : RunnerProcess.OutputText(code[SetupCells + k]!);
    }
}

public class PlotHelpersTests(PlotHelpersRun run) : IClassFixture<PlotHelpersRun>
{
    public static TheoryData<int> RangeIndices => new(Enumerable.Range(0, PlotHelpersRun.Ranges.Length));

    [Fact]
    public void plot_data_refuses_an_x_with_several_columns_in_one_line_saying_what_to_plot_instead()
    {
        Assert.Equal("ArgumentException: PlotData: x has shape [100, 3], but a plot needs one value per point (shape [n] or [n, 1]); " +
                     "plot one column at a time, e.g. x.select(1, 0) for the first.", run.Printed(0));
    }

    [Fact]
    public void plot_fit_refuses_tensors_of_different_lengths_in_one_line()
    {
        Assert.Equal("ArgumentException: PlotFit: x has 100 values but yHat has 99; pass one value per example for each, " +
                     "the same examples in the same order.", run.Printed(1));
    }

    [Fact]
    public void plot_residuals_refuses_a_y_with_several_columns()
    {
        Assert.StartsWith("ArgumentException: PlotResiduals: y has shape [10, 2]", run.Printed(2));
    }

    [Fact]
    public void the_loss_curve_counts_epochs_from_1_as_the_training_loops_print_them()
    {
        Assert.Equal("1 2 3 4", run.Printed(3));
    }

    [Fact]
    public void check_finite_names_the_epoch_it_was_given()
    {
        Assert.StartsWith("ArithmeticException: training diverged: the loss is NaN at epoch 7 with learning rate lr = 0.5;", run.Printed(4));
    }

    [Theory, MemberData(nameof(RangeIndices))]
    public void log_axis_labels_bracket_the_data_in_one_number_format(int index)
    {
        var (lo, hi) = PlotHelpersRun.Ranges[index];
        var ticks = run.Printed(5 + index).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ')).Select(p => (Position: double.Parse(p[0], CultureInfo.InvariantCulture), Label: p[1])).ToList();
        var where = $"data from {lo} to {hi}: labels {string.Join(", ", ticks.Select(t => t.Label))}";
        Assert.True(ticks.Count >= 2 || lo == hi, where);
        // Positions are log10 of the labelled values; the labels must name those values.
        foreach (var (position, label) in ticks)
            Assert.True(Math.Abs(double.Parse(label, CultureInfo.InvariantCulture) - Math.Pow(10, position)) <= 1e-9 * Math.Pow(10, position), where);
        Assert.True(ticks.Min(t => t.Position) <= Math.Log10(lo) + 1e-9, $"no label at or below the smallest value; {where}");
        Assert.True(ticks.Max(t => t.Position) >= Math.Log10(hi) - 1e-9, $"no label at or above the largest value; {where}");
        var scientific = ticks.Count(t => t.Label.Contains('e'));
        Assert.True(scientific == 0 || scientific == ticks.Count, $"plain and scientific labels mixed; {where}");
    }
}
