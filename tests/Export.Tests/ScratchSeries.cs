namespace Export.Tests;

/// A scratch folder laid out like the repository (helpers/, the given notebooks in notebooks/, and tests/NotebookRunner
/// as a link to the real one), so an export into its notebooks/apps writes the same relative paths as one into the
/// repository.
public static class ScratchSeries
{
    public static ScratchFolder Create(string purpose, IEnumerable<string> notebooks)
    {
        var scratch = ScratchFolder.LikeRepository(purpose, copied: ["helpers"], linked: [Path.Combine("tests", "NotebookRunner")]);
        Directory.CreateDirectory(scratch.Path("notebooks"));
        foreach (var notebook in notebooks) File.Copy(notebook, scratch.Path("notebooks", Path.GetFileName(notebook)));
        return scratch;
    }
}
