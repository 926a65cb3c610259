namespace TestSupport;

/// <summary>
/// Folders under the system's temporary folder that a test writes into instead of the checkout: a plain new one, or
/// one laid out like the repository, so notebooks there `#load` the helpers (and apps include the runner's sources)
/// by the same relative paths. They are kept after the test, so a failure can be inspected.
/// </summary>
public static class ScratchRepository
{
    /// <summary>A new empty folder named after <paramref name="purpose"/>.</summary>
    public static string NewFolder(string purpose)
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), purpose + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// A new folder holding copies of the repository's <paramref name="copied"/> folders (with their subfolders) and,
    /// at each path of <paramref name="linked"/>, a link to the repository's own folder there.
    /// </summary>
    public static string Create(string purpose, IEnumerable<string> copied, IEnumerable<string>? linked = null)
    {
        var root = NewFolder(purpose);
        foreach (var folder in copied)
            CopyDirectory(Repository.Path(folder), System.IO.Path.Combine(root, folder));
        foreach (var folder in linked ?? [])
        {
            var link = System.IO.Path.Combine(root, folder);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(link)!);
            Directory.CreateSymbolicLink(link, Repository.Path(folder));
        }
        return root;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
    }
}
