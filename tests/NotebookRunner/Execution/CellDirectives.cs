using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Execution;

/// <summary>A NuGet reference from `#r "nuget: Id, Version"` (version optional).</summary>
public sealed record NugetReference(string Id, string? Version);

/// <summary>A cell's C# code with Polyglot-only lines blanked out, plus what those lines asked for.</summary>
public sealed record PreparedCell(string Code, IReadOnlyList<NugetReference> Packages, IReadOnlyList<string> Sources);

/// <summary>
/// Polyglot cell preprocessing: which kernel a cell is for, and the `#r "nuget:..."`/`#i "nuget:..."` lines
/// that Roslyn scripting doesn't know. Each removed line becomes an empty line so line numbers stay the cell's own.
/// </summary>
public static partial class CellDirectives
{
    private static readonly Dictionary<string, string> KernelLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = "C#", ["c#"] = "C#",
        ["fsharp"] = "F#", ["f#"] = "F#",
        ["pwsh"] = "PowerShell", ["powershell"] = "PowerShell",
        ["sql"] = "SQL", ["kql"] = "KQL",
        ["javascript"] = "JavaScript", ["js"] = "JavaScript",
        ["html"] = "HTML", ["markdown"] = "Markdown", ["md"] = "Markdown", ["mermaid"] = "Mermaid",
        ["http"] = "HTTP", ["python"] = "Python", ["value"] = "value", ["vscode"] = "vscode",
    };

    // Polyglot magics that only change how a C# cell is shown; a headless run ignores them.
    private static readonly HashSet<string> IgnoredMagics = new(StringComparer.OrdinalIgnoreCase) { "time", "about", "lsmagic", "who", "whos" };

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"]*?))?\s*"\s*$""")]
    private static partial Regex NugetReferenceLine();

    [GeneratedRegex("""^\s*#i\s+"(nuget:\s*)?(?<source>[^"]+)"\s*$""")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"[^\r\n]*(\r\n|\r|\n)?")]
    private static partial Regex LineWithEnding();

    [GeneratedRegex(@"^\s*#!(?<kernel>\S+)\s*$")]
    private static partial Regex MagicLine();

    /// <summary>The kernel a cell is for: a leading `#!kernel` line, else its metadata, else C#.</summary>
    public static (string KernelName, string Source) KernelOf(NotebookCell cell)
    {
        var magic = MagicLine().Match(cell.FirstLine);
        if (magic.Success && KernelLanguages.ContainsKey(magic.Groups["kernel"].Value))
            return (magic.Groups["kernel"].Value, "a leading #!" + magic.Groups["kernel"].Value + " line");
        if (cell.Metadata["polyglot_notebook"] is JsonObject polyglot && polyglot["kernelName"]?.GetValue<string>() is { } kernelName)
            return (kernelName, "kernelName " + kernelName);
        if (cell.Metadata["dotnet_interactive"] is JsonObject interactive && interactive["language"]?.GetValue<string>() is { } language)
            return (language, "dotnet_interactive.language " + language);
        return ("csharp", "default");
    }

    /// <summary>Throws <see cref="CellLanguageException"/> for a cell in another language.</summary>
    public static void EnsureCSharp(NotebookCell cell, int cellNumber)
    {
        var (kernel, why) = KernelOf(cell);
        if (KernelLanguages.TryGetValue(kernel, out var language) && language == "C#") return;
        var name = KernelLanguages.GetValueOrDefault(kernel, kernel);
        throw new CellLanguageException($"cell {cellNumber} is {name} ({why}); this runner executes C# only");
    }

    public static PreparedCell Prepare(string source)
    {
        // Lines keep their own endings (\n, \r\n, or a lone \r as Roslyn also reads it) so the code keeps its line numbers.
        var lines = LineWithEnding().Matches(source).Select(m => m.Value).Where(l => l.Length > 0).ToArray();
        var packages = new List<NugetReference>();
        var sources = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r', '\n');
            var ending = lines[i][line.Length..];
            if (MagicLine().Match(line) is { Success: true } magic
                && (IgnoredMagics.Contains(magic.Groups["kernel"].Value)
                    || (KernelLanguages.TryGetValue(magic.Groups["kernel"].Value, out var language) && language == "C#")))
            {
                lines[i] = ending;
            }
            else if (NugetReferenceLine().Match(line) is { Success: true } reference)
            {
                var version = reference.Groups["version"].Value.Trim();
                packages.Add(new NugetReference(reference.Groups["id"].Value, version.Length == 0 ? null : version));
                lines[i] = ending;
            }
            else if (SourceLine().Match(line) is { Success: true } feed)
            {
                sources.Add(feed.Groups["source"].Value.Trim());
                lines[i] = ending;
            }
        }
        return new PreparedCell(string.Concat(lines), packages, sources);
    }
}
