namespace NotebookRunner.Tests;

/// <summary>The pinned TorchSharp-cpu really loads and trains on this machine (Debian 12 needs the runner's native fix).</summary>
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
}
