namespace NotebookRunner.Tests;

/// <summary>A notebook whose cell fields have the wrong JSON type, or a key twice, is one line naming the file and the cell.</summary>
public class BadNotebookFieldTests
{
    [Theory]
    [InlineData("source-not-string.ipynb", "cell 2: \"source\" is the number 42, not a string or a list of strings; fix the cell's JSON or re-save the notebook")]
    [InlineData("tags-not-strings.ipynb", "cell 2: \"metadata.tags\" is a list holding a non-string, not a list of strings; fix the cell's JSON or re-save the notebook")]
    [InlineData("cell-type-not-string.ipynb", "cell 2: \"cell_type\" is a list, not a string; fix the cell's JSON or re-save the notebook")]
    [InlineData("kernel-name-not-string.ipynb", "cell 2: \"metadata.polyglot_notebook.kernelName\" is the boolean true, not a string; fix the cell's JSON or re-save the notebook")]
    [InlineData("duplicate-key.ipynb", "cell 2: key 'source' appears twice; keep one of them and re-save the notebook")]
    public void a_cell_field_of_the_wrong_type_exits_2_naming_the_file_and_the_cell(string fixtureName, string expected)
    {
        using var fixture = new FixtureCopy(fixtureName);

        var result = fixture.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{fixture.Notebook}: {expected}", result.FirstStderrLine);
        Assert.Equal(1, result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(File.Exists(Path.Combine(fixture.Dir, "ran.txt")));
        Assert.True(fixture.InputUnchanged);
    }
}
