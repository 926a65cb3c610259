namespace Export.Tests;

/// A notebook export has never seen (#r, #load of the helpers, a parameters cell, display(tensor), a training loop
/// printing losses, a scalar result and a ScottPlot result), exported and run as on a fresh machine: an empty home
/// and an empty NuGet folder, so the app restores everything and applies the libstdc++ remedy itself.
public sealed class NeverSeenApp : IDisposable
{
    public const string Seed = "7";

    private readonly ScratchFolder _scratch;
    public string App { get; }
    public string Figures { get; }
    public IReadOnlyDictionary<string, string?> FreshMachine { get; }
    public ProcessResult Export { get; }
    public ProcessResult AtSeed { get; }
    public JsonObject RunAtSeed { get; }

    public NeverSeenApp()
    {
        _scratch = ScratchSeries.Create("export-never-seen", [ExportPaths.Fixture("never-seen")]);
        // The fresh home and NuGet folder hold a restore of libtorch (over a gigabyte): removed even when this fails,
        // since xUnit disposes only a fixture it could construct.
        try
        {
            var notebook = _scratch.Path("notebooks", "never-seen.ipynb");
            Export = ExportProcesses.Runner(["export", notebook, "-o", _scratch.Path("notebooks", "apps")]);
            App = _scratch.Path("notebooks", "apps", "never-seen.cs");
            Figures = _scratch.Path("figures");
            var home = Directory.CreateDirectory(_scratch.Path("home")).FullName;
            var packages = Directory.CreateDirectory(_scratch.Path("nuget")).FullName;
            FreshMachine = new Dictionary<string, string?> { ["HOME"] = home, ["NUGET_PACKAGES"] = packages };
            AtSeed = ExportProcesses.App(App, ["-p", "seed", Seed, "--figures", Figures], FreshMachine);

            var executed = _scratch.Path("executed.ipynb");
            var run = ExportProcesses.Runner(["run", notebook, "-o", executed, "-p", "seed", Seed]);
            Assert.True(run.ExitCode == 0, run.ToString());
            RunAtSeed = JsonNode.Parse(File.ReadAllText(executed))!.AsObject();
        }
        catch
        {
            _scratch.Dispose();
            throw;
        }
    }

    public void Dispose() => _scratch.Dispose();
}

public sealed class NeverSeenNotebookTests(NeverSeenApp app) : IClassFixture<NeverSeenApp>
{
    [Fact]
    public void Export_writes_the_app_and_the_helpers_it_includes()
    {
        Assert.True(app.Export.ExitCode == 0, app.Export.ToString());
        Assert.True(File.Exists(app.App));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(app.App)!, "helpers.cs")));
    }

    [Fact]
    public void On_a_fresh_machine_the_app_prints_the_numbers_run_shows_in_the_same_order()
    {
        Assert.True(app.AtSeed.ExitCode == 0, app.AtSeed.ToString());
        var expected = ShownText.OfNotebook(app.RunAtSeed);
        var printed = ShownText.OfApp(app.AtSeed.Stdout, Path.GetDirectoryName(app.App)!, out _);
        var difference = NumericText.Difference(expected, printed);
        Assert.True(difference is null, $"{difference}\n--- run -p seed {NeverSeenApp.Seed} shows\n{expected}\n--- the app printed\n{printed}");
    }

    [Fact]
    public void The_app_applies_the_runners_libstdcxx_remedy_itself_exactly_where_the_system_library_lacks_the_version()
    {
        var noted = app.AtSeed.Stderr.Contains($"loading a patched copy of {NotebookRunner.Native.TorchSharpNativeLoader.LibTorchSharpFileName}");
        Assert.Equal(!NotebookRunner.Native.LibStdCxxProbe.Current.DefinesRequiredVersion, noted);
        Assert.True(app.AtSeed.ExitCode == 0, app.AtSeed.ToString());
    }

    [Fact]
    public void The_plot_the_notebook_returns_is_saved_as_a_png_named_on_its_own_line()
    {
        ShownText.OfApp(app.AtSeed.Stdout, Path.GetDirectoryName(app.App)!, out var figures);
        var png = Assert.Single(figures);
        Assert.StartsWith(app.Figures, png);
        Assert.True(ShownText.IsPng(png), $"{png} is not a PNG file");
    }

    [Fact]
    public void An_unknown_parameter_is_one_line_and_exit_code_2()
    {
        var result = ExportProcesses.App(app.App, ["-p", "sede", "7"], app.FreshMachine);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("never-seen.cs: unknown parameter 'sede'; valid parameters: seed (int), steps (int), lr (double)", result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void A_value_that_does_not_convert_to_the_declared_type_is_one_line_and_exit_code_2()
    {
        var result = ExportProcesses.App(app.App, ["-p", "steps", "1.5"], app.FreshMachine);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("never-seen.cs: parameter 'steps' is int, and '1.5' does not convert to int; valid parameters: seed (int), steps (int), lr (double)", result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }
}
