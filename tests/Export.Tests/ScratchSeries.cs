namespace Export.Tests;

/// A scratch folder laid out like the repository (notebooks/, helpers/, and tests/NotebookRunner as a link to the
/// real one), so an export into its notebooks/apps writes the same relative paths as one into the repository.
public static class ScratchSeries
{
    public static string Create(string purpose, IEnumerable<string> notebooks)
    {
        var root = ExportPaths.NewTempDirectory(purpose);
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        Directory.CreateDirectory(Path.Combine(root, "helpers"));
        Directory.CreateDirectory(Path.Combine(root, "tests"));
        foreach (var notebook in notebooks) File.Copy(notebook, Path.Combine(root, "notebooks", Path.GetFileName(notebook)));
        foreach (var script in Directory.GetFiles(Path.Combine(Repository.Root, "helpers")))
            File.Copy(script, Path.Combine(root, "helpers", Path.GetFileName(script)));
        Directory.CreateSymbolicLink(Path.Combine(root, "tests", "NotebookRunner"), Path.Combine(Repository.Root, "tests", "NotebookRunner"));
        return root;
    }
}
