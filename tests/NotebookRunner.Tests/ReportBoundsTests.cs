namespace NotebookRunner.Tests;

/// <summary>Reading variables for --report is bounded and never takes the run down.</summary>
public class ReportBoundsTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public void a_list_that_contains_itself_does_not_take_the_run_down_without_a_report()
    {
        using var fixture = new FixtureCopy("self-containing-list.ipynb");

        var result = RunnerLaunch.Run(fixture.Dir, ["run", fixture.Notebook, "-o", fixture.Output], Limit);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(File.Exists(fixture.Output));
    }

    [Fact]
    public void the_report_leaves_out_a_self_containing_list_and_a_huge_array_and_says_why()
    {
        using var fixture = new FixtureCopy("self-containing-list.ipynb");

        var result = RunnerLaunch.Run(fixture.Dir, ["run", fixture.Notebook, "-o", fixture.Output, "--report", fixture.Report], Limit);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var report = fixture.ReadReportNotebook();
        Assert.Equal(3, (int)report["variables"]!["small"]!);
        Assert.Null(report["variables"]!["items"]);
        Assert.Null(report["variables"]!["big"]);
        Assert.Contains("contains itself", (string)report["variables_cut"]!["items"]!);
        Assert.Contains("20,000,000 values", (string)report["variables_cut"]!["big"]!);
    }
}
