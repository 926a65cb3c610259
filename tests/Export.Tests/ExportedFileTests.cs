using NotebookRunner.Export;

namespace Export.Tests;

/// The committed apps are what `export notebooks/*.ipynb -o notebooks/apps` writes for the notebooks as they are now.
public sealed class ExportedFileTests
{
    private static readonly string[] MovedOrRewritten = ["using ", "class ", "record ", "struct ", "interface ", "enum "];

    /// The apps a fresh export writes, by file name, read before its scratch folder goes.
    private static Dictionary<string, string> FreshExport()
    {
        using var scratch = ScratchSeries.Create("export-fresh", ExportPaths.SeriesNotebooks);
        var apps = scratch.Path("notebooks", "apps");
        var stderr = new StringWriter();
        var runner = new RunnerSources(scratch.Path("tests", "NotebookRunner"));
        var ok = new NotebookExporter(runner, apps, new StringWriter(), stderr)
            .Export(Directory.GetFiles(scratch.Path("notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList());
        Assert.True(ok, stderr.ToString());
        return Directory.GetFiles(apps, "*.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
    }

    [Fact]
    public void Every_notebook_has_its_committed_app_and_each_equals_a_fresh_export()
    {
        var apps = FreshExport();
        var expected = apps.Keys.Order(StringComparer.Ordinal).ToList();
        var committed = Directory.GetFiles(ExportPaths.Apps, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, committed);
        foreach (var name in expected)
            Assert.True(apps[name] == File.ReadAllText(Path.Combine(ExportPaths.Apps, name)),
                $"notebooks/apps/{name} differs from a fresh export; run: dotnet run --project tests/NotebookRunner -- export notebooks/*.ipynb -o notebooks/apps");
    }

    [Fact]
    public void The_apps_include_helpers_cs_made_from_helpers_csx_not_a_copy_per_app()
    {
        var apps = FreshExport();
        var helpers = apps["helpers.cs"];
        Assert.Contains("public static class Helpers", helpers);
        Assert.Contains("public static void Initialize()", helpers);
        foreach (var (_, text) in apps.Where(a => a.Key != "helpers.cs"))
        {
            Assert.Contains("#:include helpers.cs\n", text);
            Assert.Contains("Helpers.Initialize();", text);
            Assert.DoesNotContain("public static class Helpers", text);
        }
    }

    [Fact]
    public void An_app_reads_as_its_notebook_markdown_as_comments_and_code_cells_in_order()
    {
        var apps = FreshExport();
        foreach (var notebookPath in ExportPaths.SeriesNotebooks)
        {
            var app = apps[Path.GetFileNameWithoutExtension(notebookPath) + ".cs"];
            var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
            var at = 0;
            foreach (var cell in notebook["cells"]!.AsArray())
            {
                var source = cell!["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
                // A code cell's first line, unless export moves or rewrites it (directives, usings, types).
                var isCode = (string?)cell["cell_type"] == "code";
                var firstLine = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
                if (firstLine is null || isCode && MovedOrRewritten.Any(firstLine.StartsWith)) continue;
                var expected = (string?)cell["cell_type"] == "markdown" ? "// " + firstLine : firstLine;
                var found = app.IndexOf(expected, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"{Path.GetFileName(notebookPath)}: `{expected}` is not in its app after position {at}");
                at = found;
            }
        }
    }
}
