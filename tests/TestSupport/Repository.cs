namespace TestSupport;

/// <summary>
/// The checkout the tests run from: the folder holding LinearRegressionSeries.slnx above the test's output folder
/// (or above the current folder, for a program started from inside the clone).
/// </summary>
public static class Repository
{
    public const string SolutionFile = "LinearRegressionSeries.slnx";

    private static readonly Lazy<string> Found = new(Find);

    public static string Root => Found.Value;

    /// <summary>A path inside the repository, e.g. <c>Repository.Path("notebooks", "01.ipynb")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The series' notebooks, ordered by name (their reading order).</summary>
    public static IReadOnlyList<string> Notebooks() =>
        Directory.GetFiles(Path("notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new InvalidOperationException(
            $"no {SolutionFile} above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; run from inside the repository");
    }
}
