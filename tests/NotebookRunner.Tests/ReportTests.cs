namespace NotebookRunner.Tests;

/// <summary>--report JSON for a failed run; tensor and Module variables are covered by TorchSharpTests.</summary>
public class ReportTests
{
    [Fact]
    public void the_report_lists_notebook_status_cells_error_and_variables()
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
