namespace JupyterKernel.Tests;

/// <summary>Every notebook of the series executed by nbclient on our kernel shows what `run` shows.</summary>
[Collection("jupyter")]
public class SeriesThroughNbclientTests(PrivateJupyter jupyter)
{
    public static TheoryData<string> Notebooks() => new(Repository.Notebooks().Select(Path.GetFileNameWithoutExtension)!);

    [Theory, MemberData(nameof(Notebooks))]
    public void nbclient_on_our_kernel_runs_the_notebook_without_error_and_shows_the_outputs_of_run(string stem)
    {
        var notebook = Repository.Path("notebooks", stem + ".ipynb");
        var fromRun = Path.Combine(jupyter.Root, stem + ".run.ipynb");
        var fromKernel = Path.Combine(jupyter.Root, stem + ".kernel.ipynb");

        var run = jupyter.Runner("run", notebook, "-o", fromRun);
        Assert.True(run.ExitCode == 0, $"run failed:\n{run.Stderr}");
        var nbclient = jupyter.Client("execute_notebook.py", Path.GetDirectoryName(notebook)!, notebook, fromKernel);
        Assert.True(nbclient.ExitCode == 0, $"nbclient failed on our kernel:\n{nbclient.Stderr}");

        var expected = CellOutputs.Of(JsonNode.Parse(File.ReadAllText(fromRun))!.AsObject());
        var actual = CellOutputs.Of(JsonNode.Parse(File.ReadAllText(fromKernel))!.AsObject());
        Assert.Equal(expected.Count, actual.Count);
        Assert.Contains(actual, cell => cell.Count > 0);
        for (var cell = 0; cell < expected.Count; cell++)
        {
            Assert.Equal(expected[cell].Select(o => o.Kind), actual[cell].Select(o => o.Kind));
            foreach (var (want, got) in expected[cell].Zip(actual[cell]))
                // Images are compared byte for byte; text (streams, text/plain, text/html) with numbers within a tolerance.
                Assert.True(want.Kind.EndsWith("image/png") ? want.Content == got.Content : CellOutputs.SameText(want.Content, got.Content),
                    $"{stem}, code cell {cell + 1}, {want.Kind}: run shows\n{Shorten(want.Content)}\nthe kernel shows\n{Shorten(got.Content)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "...";
}
