namespace NotebookRunner.Tests;

/// <summary>An output that cannot be written is one line and exit 2 before any cell runs, never a stack trace after.</summary>
public class BadOutputPathTests
{
    [Theory]
    [InlineData("parent-is-a-file", "-o {dir}/a-file/out.ipynb", "-o {dir}/a-file/out.ipynb: cannot write there: {dir}/a-file is a file, not a folder; choose another path")]
    [InlineData("several-into-a-file", "-o {dir}/a-file {dir}/second.ipynb", "-o {dir}/a-file: is a file, but 2 notebooks need a folder; pass a folder (created if missing) or run them one at a time")]
    [InlineData("empty-output", "-o ", "-o '' names no file; give a file (one notebook) or a folder")]
    [InlineData("empty-report", "--report ", "--report '' names no file; give a file such as report.json")]
    [InlineData("report-is-a-folder", "--report {dir}/a-folder", "--report {dir}/a-folder: is a folder; name a file, e.g. {dir}/a-folder/report.json")]
    public void an_output_path_that_names_nothing_writable_exits_2_with_one_line_before_anything_runs(string _, string options, string expected)
    {
        using var fixture = new FixtureCopy("bad-output-paths.ipynb");
        File.WriteAllText(Path.Combine(fixture.Dir, "a-file"), "the user's file");
        Directory.CreateDirectory(Path.Combine(fixture.Dir, "a-folder"));
        File.Copy(fixture.Notebook, Path.Combine(fixture.Dir, "second.ipynb"));
        var args = options.Replace("{dir}", fixture.Dir).Split(' ');

        var result = RunnerProcess.Run(fixture.Dir, ["run", fixture.Notebook, .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected.Replace("{dir}", fixture.Dir), result.FirstStderrLine);
        Assert.Equal(1, result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(File.Exists(Path.Combine(fixture.Dir, "ran.txt")));
        Assert.Equal("the user's file", File.ReadAllText(Path.Combine(fixture.Dir, "a-file")));
    }

    [Fact]
    public void an_output_in_a_read_only_folder_exits_2_before_any_cell_runs()
    {
        using var fixture = new FixtureCopy("unwritable-output.ipynb");
        var readOnly = Path.Combine(fixture.Dir, "read-only");
        Directory.CreateDirectory(readOnly);
        // Permission bits do not stop root, so the folder is made read-only for real: a read-only bind mount of it,
        // in a mount namespace of the runner's own (unshare), gone when the runner exits.
        var runner = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");
        var script = $"mount --bind '{readOnly}' '{readOnly}' && mount -o remount,bind,ro '{readOnly}' && " +
                     $"exec dotnet '{runner}' run '{fixture.Notebook}' -o '{readOnly}/out.ipynb'";

        var result = Run(fixture.Dir, "unshare", "-rm", "sh", "-c", script);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"-o {readOnly}/out.ipynb: cannot write in {readOnly} (", result.FirstStderrLine);
        Assert.EndsWith("); choose a writable location", result.FirstStderrLine);
        Assert.False(File.Exists(Path.Combine(fixture.Dir, "ran.txt")));
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("Infinity")]
    [InlineData("2160000")] // 25 days: a valid number of seconds that overflows a timer
    public void a_timeout_no_timer_can_wait_exits_2_with_one_line_before_anything_runs(string seconds)
    {
        using var fixture = new FixtureCopy("bad-timeouts.ipynb");

        var result = fixture.Run("--timeout", seconds);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"--timeout '{seconds}' is longer than the longest wait a timer accepts (2147483 seconds, about 24.8 days)", result.FirstStderrLine);
        Assert.Equal(1, result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(File.Exists(Path.Combine(fixture.Dir, "ran.txt")));
    }

    static ProcessResult Run(string workingDirectory, string file, params string[] args) =>
        ChildProcess.Run(file, args, workingDirectory, TimeSpan.FromMinutes(5));
}
