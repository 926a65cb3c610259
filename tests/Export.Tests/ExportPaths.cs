namespace Export.Tests;

/// Where the series, its committed apps, the fixtures and the runner built beside these tests are.
public static class ExportPaths
{
    public static string Notebooks => Repository.Path("notebooks");

    public static string Apps => Path.Combine(Notebooks, "apps");

    public static string Runner => Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".ipynb");

    public static IReadOnlyList<string> SeriesNotebooks => Repository.Notebooks();
}
