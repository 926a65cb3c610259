namespace TestSupport;

/// <summary>
/// A fresh folder under the system's temporary folder that a test writes into instead of the checkout, removed with
/// everything in it when disposed: a test run leaves nothing behind (one export test alone restores over a gigabyte).
/// Set KEEP_TEST_SCRATCH=1 to keep the folders for inspecting a failure.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string purpose)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    /// <summary>
    /// A folder laid out like the repository, so notebooks there `#load` the helpers (and apps include the runner's
    /// sources) by the same relative paths: copies of the repository's <paramref name="copied"/> folders and, at each
    /// path of <paramref name="linked"/>, a link to the repository's own folder there.
    /// </summary>
    public static ScratchFolder LikeRepository(string purpose, IEnumerable<string> copied, IEnumerable<string>? linked = null)
    {
        var scratch = new ScratchFolder(purpose);
        foreach (var folder in copied)
            CopyDirectory(Repository.Path(folder), scratch.Path(folder));
        foreach (var folder in linked ?? [])
        {
            var link = scratch.Path(folder);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(link)!);
            Directory.CreateSymbolicLink(link, Repository.Path(folder));
        }
        return scratch;
    }

    public string Root { get; }

    /// <summary>A path inside the folder (not created).</summary>
    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_TEST_SCRATCH") is { Length: > 0 }) return;
        // Deleting does not follow the links to the repository's folders; it removes the links themselves.
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
    }
}
