using NotebookRunner.Cli;

namespace NotebookRunner.UnitTests.Cli;

/// <summary>A folder argument stands for the notebooks directly in it: `run notebooks` runs the series, not the
/// solutions in notebooks/solutions/.</summary>
public class NotebookPathsTests
{
    [Fact]
    public void a_folder_expands_to_its_own_notebooks_in_name_order_and_not_to_those_in_subfolders()
    {
        using var scratch = new ScratchFolder("notebook-paths");
        Directory.CreateDirectory(scratch.Path("solutions"));
        foreach (var name in new[] { "02-b.ipynb", "01-a.ipynb", "solutions/01-a-solutions.ipynb" })
            File.WriteAllText(scratch.Path(name), "{}");
        File.WriteAllText(scratch.Path("notes.txt"), "");

        var found = NotebookPaths.Expand([scratch.Root]).Select(Path.GetFileName);

        Assert.Equal(["01-a.ipynb", "02-b.ipynb"], found);
    }
}
