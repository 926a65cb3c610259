namespace Export.Tests;

/// Each committed app, run with `dotnet run`, prints the numbers its notebook shows and saves its pictures as PNGs:
/// at the default parameters those of the stored outputs, at `-p seed 2024` those `run -p seed 2024` shows.
/// Each app is built once (`dotnet build APP.cs`) and run twice with `dotnet run --no-build`.
public sealed class SeriesAppTests(SeriesAtSeed2024 series) : IClassFixture<SeriesAtSeed2024>
{
    public static TheoryData<string> Stems =>
        new(ExportPaths.SeriesNotebooks.Select(Path.GetFileNameWithoutExtension).OfType<string>());

    [Theory]
    [MemberData(nameof(Stems))]
    public void The_app_prints_what_its_notebook_shows_at_the_default_parameters_and_at_another_seed(string stem)
    {
        var build = ExportProcesses.BuildApp(Path.Combine(ExportPaths.Apps, stem + ".cs"));
        Assert.True(build.ExitCode == 0, $"dotnet build {stem}.cs: {build}");
        var stored = JsonNode.Parse(File.ReadAllText(Path.Combine(ExportPaths.Notebooks, stem + ".ipynb")))!.AsObject();
        AssertPrints(stem, [], ShownText.OfNotebook(stored), "its stored outputs");
        AssertPrints(stem, ["-p", "seed", SeriesAtSeed2024.Seed], ShownText.OfNotebook(series.Executed(stem)), $"run -p seed {SeriesAtSeed2024.Seed}");
    }

    private static void AssertPrints(string stem, string[] arguments, string expected, string what)
    {
        using var figures = new ScratchFolder("export-figures");
        var app = Path.Combine(ExportPaths.Apps, stem + ".cs");
        var result = ExportProcesses.BuiltApp(app, [.. arguments, "--figures", figures.Root]);
        Assert.True(result.ExitCode == 0, $"{stem}.cs {string.Join(' ', arguments)}: {result}");
        var printed = ShownText.OfApp(result.Stdout, Path.GetDirectoryName(app)!, out var pngs);
        var difference = NumericText.Difference(expected, printed);
        Assert.True(difference is null, $"{stem}.cs {string.Join(' ', arguments)} against {what}: {difference}\n--- expected\n{expected}\n--- printed\n{printed}");
        Assert.All(pngs, png => Assert.True(ShownText.IsPng(png), $"{png} is not a PNG file"));
        Assert.Equal(pngs.Count, pngs.Distinct().Count());
    }
}
