namespace NotebookRunner.Notebooks;

/// <summary>
/// The path with every symbolic link resolved, component by component, as the kernel would walk it (so a
/// symlinked folder or file names the same real path as its target). Components that do not exist yet are kept.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40; // the kernel's own limit (ELOOP)

    public static string Of(string path) => Resolve(path, 0);

    public static bool Same(string a, string b) => string.Equals(Of(a), Of(b), StringComparison.Ordinal);

    private static string Resolve(string path, int depth)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            var target = LinkTarget(next);
            if (target is not null && depth < MaxLinks)
            {
                var resolved = Resolve(Path.IsPathRooted(target) ? target : Path.Join(current, target), depth + 1);
                // /proc's magic links (/dev/stdout -> /proc/self/fd/1 -> "pipe:[N]") name no path: keep the link.
                if (Exists(resolved) || !Exists(next)) next = resolved;
            }
            current = next;
        }
        return current;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
