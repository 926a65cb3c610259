using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

/// <summary>TorchSharp-cpu 0.107.0 really loads and trains on this machine (Debian 12 needs the runner's native fix).</summary>
public class TorchSharpTests
{
    [Fact]
    public void a_torchsharp_notebook_fits_a_line_and_matches_pytorchs_seeded_draws()
    {
        using var fixture = new FixtureCopy("torchsharp-linear.ipynb");

        var result = fixture.Run("--report", fixture.Report);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var report = fixture.ReadReportNotebook();
        Assert.Equal("ok", (string)report["status"]!);
        var variables = report["variables"]!;
        Assert.InRange((double)variables["weight"]!, 1.95, 2.05);
        Assert.InRange((double)variables["bias"]!, 0.95, 1.05);
        // torch.manual_seed(0); torch.rand(2, 3) in PyTorch starts with 0.4963.
        var firstRand = variables["firstRand"]!;
        Assert.Equal(new[] { 2, 3 }, firstRand["shape"]!.AsArray().Select(d => (int)d!));
        var values = firstRand["values"]!.AsArray().Select(v => (double)v!).ToList();
        Assert.Equal(6, values.Count);
        Assert.Equal(0.4963, values[0], 4);
        var modelWeight = variables["model.weight"]!;
        Assert.Equal(new[] { 1, 1 }, modelWeight["shape"]!.AsArray().Select(d => (int)d!));
        Assert.InRange((double)modelWeight["values"]![0]!, 1.95, 2.05);
    }

    [Fact]
    public void the_report_lists_notebook_status_cells_and_error()
    {
        using var fixture = new FixtureCopy("runtime-exception.ipynb");

        var result = fixture.Run("--report", fixture.Report);

        Assert.Equal(1, result.ExitCode);
        var report = fixture.ReadReportNotebook();
        Assert.Equal(fixture.Notebook, Path.GetFullPath((string)report["notebook"]!, fixture.Dir));
        Assert.Equal(fixture.Output, Path.GetFullPath((string)report["output"]!, fixture.Dir));
        Assert.Equal("failed", (string)report["status"]!);
        Assert.True((double)report["duration"]! > 0);
        var statuses = report["cells"]!.AsArray().Select(c => ((int)c!["index"]!, (string)c["status"]!)).ToList();
        Assert.Equal(new[] { (1, "ok"), (2, "failed"), (3, "pending") }, statuses);
        var error = report["error"]!;
        Assert.Equal(2, (int)error["cell"]!);
        Assert.Equal("System.InvalidOperationException", (string)error["ename"]!);
        Assert.Equal("the cell gave up", (string)error["evalue"]!);
        Assert.Equal(1, (int)report["variables"]!["ok"]!);
    }
}
