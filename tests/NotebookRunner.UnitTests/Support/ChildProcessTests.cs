namespace NotebookRunner.UnitTests.Support;

/// <summary>The launcher every test project uses: output kept exactly, and a child that overruns fails the test, tree and all.</summary>
public class ChildProcessTests
{
    [Fact]
    public void the_output_stdin_environment_and_exit_code_come_back_exactly()
    {
        var result = ChildProcess.Run("sh", ["-c", "cat; printf 'a\\r\\nb' >&2; echo \"$GREETING\"; exit 3"], Environment.CurrentDirectory,
            TimeSpan.FromSeconds(30), new Dictionary<string, string?> { ["GREETING"] = "hello" }, stdin: "from stdin\n");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("from stdin\nhello\n", result.Stdout);
        Assert.Equal("a\r\nb", result.Stderr);
    }

    [Fact]
    public void a_null_environment_value_removes_the_variable()
    {
        Environment.SetEnvironmentVariable("CHILD_PROCESS_TEST_VARIABLE", "set");

        var result = ChildProcess.Run("sh", ["-c", "echo \"[${CHILD_PROCESS_TEST_VARIABLE-unset}]\""], Environment.CurrentDirectory,
            TimeSpan.FromSeconds(30), new Dictionary<string, string?> { ["CHILD_PROCESS_TEST_VARIABLE"] = null });

        Assert.Equal("[unset]\n", result.Stdout);
    }

    [Fact]
    public void a_child_past_its_limit_is_killed_with_the_processes_it_started_and_the_error_says_why()
    {
        using var child = ChildProcess.Start("sh", ["-c", "sleep 60 & echo $!; echo waiting >&2; wait"], Environment.CurrentDirectory);
        while (!child.Stdout.Contains('\n')) Thread.Sleep(20);
        var grandchild = int.Parse(child.Stdout.Trim());

        var error = Assert.Throws<TimeoutException>(() => child.WaitForExit(TimeSpan.FromSeconds(1)));

        Assert.Contains("`sh -c sleep 60 & echo $!; echo waiting >&2; wait` did not exit within 1 s", error.Message);
        Assert.Contains("killed", error.Message);
        Assert.EndsWith("stderr so far:\nwaiting\n", error.Message);
        Assert.True(child.HasExited);
        var gone = SpinWait.SpinUntil(() => !Directory.Exists($"/proc/{grandchild}"), TimeSpan.FromSeconds(10));
        Assert.True(gone, $"the grandchild {grandchild} (sleep 60) outlived the timeout");
    }

    [Fact]
    public void each_stdout_line_reaches_the_listener_as_it_is_written()
    {
        var lines = new List<string>();

        using var child = ChildProcess.Start("sh", ["-c", "printf 'one\\r\\ntwo\\nthree'"], Environment.CurrentDirectory, onStdoutLine: lines.Add);
        child.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.Equal(["one", "two", "three"], lines);
    }

    [Fact]
    public void a_program_that_cannot_start_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ChildProcess.Run("no-such-program-here", ["x"], Environment.CurrentDirectory, TimeSpan.FromSeconds(30)));

        Assert.StartsWith("no-such-program-here x: cannot start no-such-program-here", error.Message);
    }
}
