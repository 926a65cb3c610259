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

    [Fact]
    public void the_report_splits_each_cells_seconds_into_compile_run_and_format()
    {
        using var fixture = new FixtureCopy("timed-cells.ipynb");

        var result = fixture.Run("--report", fixture.Report);

        Assert.Equal(0, result.ExitCode);
        var cells = fixture.ReadReportNotebook()["cells"]!.AsArray();
        foreach (var cell in cells)
        {
            var (compile, run, format, duration) = ((double)cell!["compile_seconds"]!, (double)cell["run_seconds"]!, (double)cell["format_seconds"]!, (double)cell["duration"]!);
            Assert.True(compile > 0, $"cell {cell["index"]}: compile {compile}");
            Assert.True(compile + run + format <= duration + 1e-3, $"cell {cell["index"]}: {compile} + {run} + {format} > {duration}");
        }
        var sleeping = cells[0]!;
        Assert.InRange((double)sleeping["run_seconds"]!, 0.4, 0.4 + (double)sleeping["duration"]!);
        Assert.True((double)sleeping["compile_seconds"]! < (double)sleeping["duration"]! - 0.4);
        Assert.True((double)cells[1]!["format_seconds"]! > 0, "the array the second cell returns is formatted");
        Assert.Equal(0.0, (double)sleeping["format_seconds"]!);
    }
}
