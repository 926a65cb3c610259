namespace JupyterKernel.Tests;

/// <summary>nbclient applies our kernel's update_display_data where `run` applies the update: the same saved outputs.</summary>
[Collection("jupyter")]
public class DisplayUpdatesThroughNbclientTests(PrivateJupyter jupyter)
{
    [Fact]
    public void a_notebook_updating_its_displays_saves_the_same_outputs_through_nbclient_as_through_run()
    {
        var notebook = Repository.Path("tests", "JupyterKernel.Tests", "Fixtures", "display-updates.ipynb");
        var fromRun = Path.Combine(jupyter.Root, "display-updates.run.ipynb");
        var fromKernel = Path.Combine(jupyter.Root, "display-updates.kernel.ipynb");

        var run = jupyter.Runner("run", notebook, "-o", fromRun);
        Assert.True(run.ExitCode == 0, $"run failed:\n{run.Stderr}");
        var nbclient = jupyter.Client("execute_notebook.py", jupyter.Root, notebook, fromKernel);
        Assert.True(nbclient.ExitCode == 0, $"nbclient failed on our kernel:\n{nbclient.Stderr}");

        var expected = CellOutputs.Of(JsonNode.Parse(File.ReadAllText(fromRun))!.AsObject());
        var actual = CellOutputs.Of(JsonNode.Parse(File.ReadAllText(fromKernel))!.AsObject());
        Assert.Equal(expected, actual);
        // The first cell's display shows the last cell's update, in both.
        Assert.Equal(("display_data text/plain", "done"), actual[0][0]);
    }
}
