using System.Text.RegularExpressions;

namespace NotebookRunner.Packages;

/// <summary>
/// Turns a failed restore into one line: `could not restore Foo.Bar 9.9.9: NU1101: Unable to find package ...`.
/// </summary>
public static partial class RestoreFailureMessage
{
    [GeneratedRegex(@"error\s+(?<code>NU\d+)\s*:\s*(?<message>.*?)(\s+\[[^\]]*\])?\s*$")]
    private static partial Regex NuGetErrorLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string From(IReadOnlyList<PackageRequest> requests, ProjectAssets? assets, string output, int exitCode)
    {
        var error = assets?.Errors.FirstOrDefault();
        if (error is not null)
            return $"could not restore {Describe(requests, error.LibraryId, error.Message)}: {error.Code}: {OneLine(error.Message)}";

        foreach (var line in output.Split('\n'))
        {
            var match = NuGetErrorLine().Match(line);
            if (match.Success)
            {
                var message = match.Groups["message"].Value;
                return $"could not restore {Describe(requests, null, message)}: {match.Groups["code"].Value}: {OneLine(message)}";
            }
        }
        var firstError = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? $"dotnet restore exited with code {exitCode}";
        return $"could not restore {Describe(requests, null, firstError)}: {OneLine(firstError)}";
    }

    private static string Describe(IReadOnlyList<PackageRequest> requests, string? libraryId, string message)
    {
        var failed = requests.FirstOrDefault(r => string.Equals(r.Id, libraryId, StringComparison.OrdinalIgnoreCase))
            ?? requests.FirstOrDefault(r => message.Contains(r.Id, StringComparison.OrdinalIgnoreCase))
            ?? (requests.Count == 1 ? requests[0] : null);
        if (failed is not null) return failed.Version is null ? failed.Id : $"{failed.Id} {failed.Version}";
        return libraryId ?? string.Join(", ", requests.Select(r => r.Version is null ? r.Id : $"{r.Id} {r.Version}"));
    }

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();
}
