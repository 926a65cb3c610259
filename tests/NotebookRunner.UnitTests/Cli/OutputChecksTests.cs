using NotebookRunner.Cli;
using NotebookRunner.Notebooks;

namespace NotebookRunner.UnitTests.Cli;

/// <summary>Before anything runs: an output or report that cannot be written, or that is an input, is refused in one line.</summary>
public sealed class OutputChecksTests : IDisposable
{
    private readonly ScratchFolder scratch = new("outputchecks");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void a_report_reaching_the_input_through_a_symlinked_folder_is_refused()
    {
        File.WriteAllText(scratch.Path("in.ipynb"), "{}");
        Directory.CreateSymbolicLink(scratch.Path("same"), scratch.Root);
        var report = scratch.Path("same", "in.ipynb");

        var error = Assert.Throws<UsageException>(() =>
            OutputChecks.EnsureReportWritable(report, [scratch.Path("in.ipynb")], [scratch.Path("out.ipynb")]));

        Assert.Equal($"--report {report}: is the input notebook {scratch.Path("in.ipynb")}; name another file for the report", error.Message);
    }

    [Fact]
    public void a_report_that_is_an_output_is_refused()
    {
        var error = Assert.Throws<UsageException>(() =>
            OutputChecks.EnsureReportWritable(scratch.Path("out.ipynb"), [scratch.Path("in.ipynb")], [scratch.Path("out.ipynb")]));

        Assert.Contains("is also the executed notebook's output", error.Message);
    }

    [Fact]
    public void a_report_that_is_a_folder_is_refused_with_a_file_to_use_instead()
    {
        var error = Assert.Throws<UsageException>(() => OutputChecks.EnsureReportWritable(scratch.Root, [], []));

        Assert.Equal($"--report {scratch.Root}: is a folder; name a file, e.g. {Path.Combine(scratch.Root, "report.json")}", error.Message);
    }

    [Fact]
    public void an_output_under_a_file_is_refused_naming_the_file()
    {
        File.WriteAllText(scratch.Path("a-file"), "the user's");
        var output = scratch.Path("a-file", "sub", "out.ipynb");

        var error = Assert.Throws<UsageException>(() => OutputChecks.EnsureWritable([output], "-o"));

        Assert.Equal($"-o {output}: cannot write there: {RealPath.Of(scratch.Path("a-file"))} is a file, not a folder; choose another path", error.Message);
        Assert.Equal("the user's", File.ReadAllText(scratch.Path("a-file")));
    }

    [Fact]
    public void an_output_in_folders_yet_to_be_made_is_accepted_and_the_probe_leaves_nothing_behind()
    {
        OutputChecks.EnsureWritable([scratch.Path("new", "deeper", "out.ipynb")], "-o");
        OutputChecks.EnsureReportWritable(scratch.Path("report.json"), [scratch.Path("in.ipynb")], [scratch.Path("out.ipynb")]);

        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Root));
    }

    [Fact]
    public void an_output_that_is_a_device_is_accepted_without_opening_it() =>
        OutputChecks.EnsureWritable(["/dev/null"], "-o");
}
