namespace JupyterKernel.Tests;

/// <summary>A cell that replaces Console.Out or Console.Error silences only itself, in the kernel as in `run`.</summary>
[Collection("jupyter")]
public class ConsoleRedirectThroughNbclientTests(PrivateJupyter jupyter)
{
    [Fact]
    public void cells_after_one_that_redirects_the_console_show_their_output_in_the_kernel_as_in_run()
    {
        var notebook = Repository.Path("tests", "JupyterKernel.Tests", "Fixtures", "console-redirect.ipynb");
        var fromRun = Path.Combine(jupyter.Root, "console-redirect.run.ipynb");
        var fromKernel = Path.Combine(jupyter.Root, "console-redirect.kernel.ipynb");

        var run = jupyter.Runner("run", notebook, "-o", fromRun);
        Assert.True(run.ExitCode == 0, $"run failed:\n{run.Stderr}");
        var nbclient = jupyter.Client("execute_notebook.py", jupyter.Root, notebook, fromKernel);
        Assert.True(nbclient.ExitCode == 0, $"nbclient failed on our kernel:\n{nbclient.Stderr}");

        var expected = CellOutputs.Of(JsonNode.Parse(File.ReadAllText(fromRun))!.AsObject());
        var actual = CellOutputs.Of(JsonNode.Parse(File.ReadAllText(fromKernel))!.AsObject());
        Assert.Equal(expected, actual);
        Assert.Equal([("stream stdout", "printed after SetOut\n")], actual[1]);
        Assert.Equal([("stream stdout", "out after both\n"), ("stream stderr", "error after both\n")], actual[3]);
    }
}
