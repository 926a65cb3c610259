namespace NotebookRunner.Tests;

/// <summary>The command line accepts the usual forms (--opt=value, --version, help on every command) and answers every parse error with one line and exit 2.</summary>
public class CommandLineTests
{
    [Fact]
    public void an_option_written_with_an_equals_sign_is_accepted()
    {
        using var fixture = new FixtureCopy("command-line.ipynb");

        var result = RunnerProcess.Run(fixture.Dir, "run", fixture.Notebook, $"--output={fixture.Output}", "--timeout=60", "-p", "epochs", "7");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("epochs = 7\n", (string)fixture.ReadOutput()["cells"]![3]!["outputs"]![0]!["text"]![0]!);
    }

    [Theory]
    [InlineData("doctor", "--help")]
    [InlineData("describe", "NOTEBOOK", "--help")]
    [InlineData("run", "--help")]
    public void every_command_prints_its_help_generated_from_its_definition(params string[] args)
    {
        using var fixture = new FixtureCopy("command-line.ipynb");

        var result = RunnerProcess.Run(fixture.Dir, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"NotebookRunner {args[0]}", result.Stdout);
        Assert.Contains("--help", result.Stdout);
    }

    [Fact]
    public void version_prints_the_runner_version()
    {
        using var fixture = new FixtureCopy("command-line.ipynb");

        var result = RunnerProcess.Run(fixture.Dir, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout.Trim());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "{nb}", "-p", "epochs")]
    [InlineData("run", "{nb}", "-p", "epochs", "1", "-p", "seed")]
    [InlineData("run", "{nb}", "--no-such-option")]
    [InlineData("describe")]
    [InlineData("doctor", "--fix", "extra")]
    [InlineData("no-such-command")]
    public void every_parse_error_is_one_line_and_exit_2(params string[] args)
    {
        using var fixture = new FixtureCopy("command-line.ipynb");

        var result = RunnerProcess.Run(fixture.Dir, args.Select(a => a.Replace("{nb}", fixture.Notebook)).ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(1, result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("--help", result.FirstStderrLine);
        Assert.Equal("", result.Stdout);
    }
}
