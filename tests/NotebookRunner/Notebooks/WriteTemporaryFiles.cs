using System.Text.RegularExpressions;

namespace NotebookRunner.Notebooks;

/// <summary>
/// The hidden `.NAME.GUID.tmp` files an atomic write goes through. A run killed mid-write leaves one behind; the
/// next write to the same output removes those old enough that no live write can still own them.
/// </summary>
public static partial class WriteTemporaryFiles
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1); // a live write lasts milliseconds

    public static string NewPath(string directory, string fileName) =>
        Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.tmp");

    public static void RemoveStale(string directory, string fileName)
    {
        if (!Directory.Exists(directory)) return;
        var prefix = $".{fileName}.";
        foreach (var candidate in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
        {
            var name = Path.GetFileName(candidate);
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !Guid32().IsMatch(name[prefix.Length..])) continue;
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(candidate) > StaleAfter) File.Delete(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process's file, or already gone: not ours to insist on.
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.tmp$")]
    private static partial Regex Guid32();
}
