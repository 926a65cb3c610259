namespace Export.Tests;

/// The repository these tests were built in, and the runner built beside them.
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static string Apps => Path.Combine(Notebooks, "apps");

    public static string Runner => Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".ipynb");

    public static IReadOnlyList<string> SeriesNotebooks =>
        Directory.GetFiles(Notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LinearRegressionSeries.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no LinearRegressionSeries.slnx above {AppContext.BaseDirectory}");
    }

    public static string NewTempDirectory(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), purpose + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
