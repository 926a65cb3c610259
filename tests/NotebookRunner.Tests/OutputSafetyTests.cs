namespace NotebookRunner.Tests;

/// <summary>Nothing the user gave is overwritten: inputs, FIFOs and devices survive every -o and --report.</summary>
public class OutputSafetyTests
{
    [Fact]
    public void an_output_reaching_the_input_through_a_symlinked_folder_or_file_is_refused_and_the_input_kept()
    {
        using var fixture = new FixtureCopy("output-through-symlink.ipynb");
        var folderLink = Path.Combine(fixture.Dir, "same-folder");
        Directory.CreateSymbolicLink(folderLink, fixture.Dir);
        var fileLink = Path.Combine(fixture.Dir, "elsewhere", "link.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(fileLink)!);
        File.CreateSymbolicLink(fileLink, Path.Combine(folderLink, "output-through-symlink.ipynb"));

        var throughFolder = RunnerProcess.Run(fixture.Dir, "run", fixture.Notebook, "-o", Path.Combine(folderLink, "output-through-symlink.ipynb"));
        var throughFile = RunnerProcess.Run(fixture.Dir, "run", fixture.Notebook, "-o", fileLink);

        var expected = $"{fixture.Notebook}: output path is the input notebook; choose another -o or pass --inplace";
        Assert.Equal(2, throughFolder.ExitCode);
        Assert.Equal(expected, throughFolder.FirstStderrLine);
        Assert.Equal(2, throughFile.ExitCode);
        Assert.Equal(expected, throughFile.FirstStderrLine);
        Assert.True(fixture.InputUnchanged);
        Assert.False(File.Exists(Path.Combine(fixture.Dir, "ran.txt")));
    }

    [Fact]
    public void a_report_naming_the_input_or_the_output_is_refused_before_anything_runs()
    {
        using var fixture = new FixtureCopy("report-over-notebooks.ipynb");
        File.WriteAllText(fixture.Output, "an earlier output");

        var overInput = fixture.Run("--report", fixture.Notebook);
        var overOutput = fixture.Run("--report", fixture.Output);

        Assert.Equal(2, overInput.ExitCode);
        Assert.Equal($"--report {fixture.Notebook}: is the input notebook {fixture.Notebook}; name another file for the report", overInput.FirstStderrLine);
        Assert.Equal(2, overOutput.ExitCode);
        Assert.StartsWith($"--report {fixture.Output}: is also the executed notebook's output ", overOutput.FirstStderrLine);
        Assert.True(fixture.InputUnchanged);
        Assert.Equal("an earlier output", File.ReadAllText(fixture.Output));
        Assert.False(File.Exists(Path.Combine(fixture.Dir, "ran.txt")));
    }

    [Fact]
    public void an_output_that_is_a_fifo_is_written_through_and_stays_a_fifo()
    {
        using var fixture = new FixtureCopy("output-fifo.ipynb");
        var fifo = Path.Combine(fixture.Dir, "notebook.fifo");
        Assert.Equal(0, ChildProcess.Run("mkfifo", [fifo], fixture.Dir, TimeSpan.FromSeconds(30)).ExitCode);
        // The reader opens the FIFO the way `cat fifo` would, while the runner writes into it.
        var received = Task.Run(() => File.ReadAllText(fifo));

        var result = RunnerProcess.Run(fixture.Dir, "run", fixture.Notebook, "-o", fifo);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(received.Wait(TimeSpan.FromSeconds(30)), "the FIFO's reader got nothing");
        Assert.Contains("\"written\\n\"", received.Result);
        Assert.Equal("p", FileType(fifo));
    }

    [Fact]
    public void an_output_that_is_a_device_is_written_through_and_stays_a_device()
    {
        using var fixture = new FixtureCopy("output-device.ipynb");
        // A null device of the test's own (major 1, minor 3, as /dev/null), so a regression cannot touch /dev/null.
        var device = Path.Combine(fixture.Dir, "null");
        var mknod = ChildProcess.Run("mknod", [device, "c", "1", "3"], fixture.Dir, TimeSpan.FromSeconds(30));
        Assert.True(mknod.ExitCode == 0, "mknod failed: creating a device node needs root (the test suite runs as root, see tests/test.sh)");

        var result = RunnerProcess.Run(fixture.Dir, "run", fixture.Notebook, "-o", device);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("c", FileType(device));
        Assert.True(File.Exists(Path.Combine(fixture.Dir, "ran.txt")));
    }

    [Fact]
    public void temporary_files_left_by_a_killed_write_are_removed_by_the_next_write_of_that_output()
    {
        using var fixture = new FixtureCopy("stale-temporary-files.ipynb");
        // What `kill -9` during a write leaves: the hidden temporary file the atomic write goes through, half full.
        var stale = Path.Combine(fixture.Dir, $".out.ipynb.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, "{\n \"cells\": [\n");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        var unrelated = Path.Combine(fixture.Dir, ".out.ipynb.mine.tmp");
        File.WriteAllText(unrelated, "not the runner's");
        File.SetLastWriteTimeUtc(unrelated, DateTime.UtcNow.AddHours(-1));

        var result = fixture.Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(unrelated));
        Assert.Equal("completed", (string)fixture.ReadOutput()["cells"]![1]!["metadata"]!["papermill"]!["status"]!);
    }

    static string FileType(string path)
    {
        var ls = ChildProcess.Run("ls", ["-ld", path], Path.GetDirectoryName(path)!, TimeSpan.FromSeconds(30));
        return ls.Stdout[..1];
    }
}
