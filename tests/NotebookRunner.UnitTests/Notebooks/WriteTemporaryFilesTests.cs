using NotebookRunner.Notebooks;

namespace NotebookRunner.UnitTests.Notebooks;

/// <summary>Temporary files a killed write left behind go with the next write of that output; nobody else's do.</summary>
public sealed class WriteTemporaryFilesTests : IDisposable
{
    private readonly ScratchFolder scratch = new("writetemporary");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void a_temporary_path_is_hidden_beside_the_output_and_new_each_time()
    {
        var first = WriteTemporaryFiles.NewPath(scratch.Root, "out.ipynb");

        Assert.Equal(scratch.Root, Path.GetDirectoryName(first));
        Assert.Matches(@"^\.out\.ipynb\.[0-9a-f]{32}\.tmp$", Path.GetFileName(first));
        Assert.NotEqual(first, WriteTemporaryFiles.NewPath(scratch.Root, "out.ipynb"));
    }

    [Fact]
    public void only_the_outputs_own_stale_temporary_files_are_removed()
    {
        var stale = Old(WriteTemporaryFiles.NewPath(scratch.Root, "out.ipynb"));
        var fresh = WriteTemporaryFiles.NewPath(scratch.Root, "out.ipynb");
        File.WriteAllText(fresh, "a live write");
        var otherOutput = Old(WriteTemporaryFiles.NewPath(scratch.Root, "other.ipynb"));
        var usersOwn = Old(scratch.Path(".out.ipynb.mine.tmp"));

        WriteTemporaryFiles.RemoveStale(scratch.Root, "out.ipynb");

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(otherOutput));
        Assert.True(File.Exists(usersOwn));
    }

    [Fact]
    public void a_missing_folder_has_nothing_to_remove() =>
        WriteTemporaryFiles.RemoveStale(scratch.Path("missing"), "out.ipynb");

    private static string Old(string path)
    {
        File.WriteAllText(path, "{\n \"cells\": [\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        return path;
    }
}
