namespace Export.Tests;

/// A notebook feature an app cannot reproduce is a line from `export` naming the file and the cell, and no app.
public sealed class UnsupportedFeatureTests
{
    [Theory]
    [InlineData("magic-time", 1, "#!time")]
    [InlineData("fsharp-cell", 2, "fsharp")]
    [InlineData("local-assembly", 1, "#r \"lib/Tools.dll\"")]
    [InlineData("display-update", 1, "display(...)")]
    [InlineData("redeclared-name", 2, "`total`")]
    [InlineData("nested-name-clash", 1, "`total`")]
    public void Export_names_the_cell_an_app_cannot_reproduce_and_writes_no_app(string fixture, int cell, string named)
    {
        using var output = new ScratchFolder("export-unsupported");
        var result = ExportProcesses.Runner(["export", ExportPaths.Fixture(fixture), "-o", output.Root]);
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = result.Stderr.Split('\n').FirstOrDefault(l => l.StartsWith($"{ExportPaths.Fixture(fixture)}: cell {cell}: ", StringComparison.Ordinal));
        Assert.True(line is not null, result.ToString());
        Assert.Contains(named, line);
        Assert.False(File.Exists(output.Path(fixture + ".cs")));
    }

    [Fact]
    public void Export_never_overwrites_a_file_it_did_not_write()
    {
        using var output = new ScratchFolder("export-overwrite");
        var mine = output.Path("never-seen.cs");
        File.WriteAllText(mine, "// my own program\n");
        using var scratch = ScratchSeries.Create("export-overwrite-series", [ExportPaths.Fixture("never-seen")]);
        var result = ExportProcesses.Runner(["export", scratch.Path("notebooks", "never-seen.ipynb"), "-o", output.Root]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{mine}: exists and was not written by export", result.Stderr);
        Assert.Equal("// my own program\n", File.ReadAllText(mine));
    }
}
