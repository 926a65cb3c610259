using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Execution;

/// <summary>A NuGet reference from `#r "nuget: Id, Version"` (version optional).</summary>
public sealed record NugetReference(string Id, string? Version);

/// <summary>A cell's C# code with Polyglot-only lines blanked out, plus what those lines asked for.</summary>
public sealed record PreparedCell(string Code, IReadOnlyList<NugetReference> Packages, IReadOnlyList<string> Sources)
{
    /// <summary>The cell has a `#!time` line: show its wall time after it runs, as Polyglot does.</summary>
    public bool Timed { get; init; }

    /// <summary>The first magic command line the runner cannot honour, with its 1-based line number; null when none.</summary>
    public (string Magic, int Line)? UnsupportedMagic { get; init; }
}

/// <summary>
/// Polyglot cell preprocessing: which kernel a cell is for, the `#r "nuget:..."`/`#i "nuget:..."` lines that Roslyn
/// scripting doesn't know, and magic commands (`#!time`; any other is reported, never silently skipped). Each
/// removed line becomes an empty line so line numbers stay the cell's own.
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

    private const string TimeMagic = "time";

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"]*?))?\s*"\s*$""")]
    private static partial Regex NugetReferenceLine();

    [GeneratedRegex("""^\s*#i\s+"(nuget:\s*)?(?<source>[^"]+)"\s*$""")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"[^\r\n]*(\r\n|\r|\n)?")]
    private static partial Regex LineWithEnding();

    [GeneratedRegex(@"^\s*#!(?<kernel>\S+)\s*$")]
    private static partial Regex MagicLine();

    [GeneratedRegex(@"^\s*#!(?<name>\S+)")]
    private static partial Regex AnyMagicLine();

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
        var timed = false;
        (string, int)? unsupported = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r', '\n');
            var ending = lines[i][line.Length..];
            if (MagicLine().Match(line) is { Success: true } magic
                && (string.Equals(magic.Groups["kernel"].Value, TimeMagic, StringComparison.Ordinal)
                    || (KernelLanguages.TryGetValue(magic.Groups["kernel"].Value, out var language) && language == "C#")))
            {
                timed |= magic.Groups["kernel"].Value == TimeMagic;
                lines[i] = ending;
            }
            else if (AnyMagicLine().Match(line) is { Success: true } other)
            {
                unsupported ??= ("#!" + other.Groups["name"].Value, i + 1);
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
        return new PreparedCell(string.Concat(lines), packages, sources) { Timed = timed, UnsupportedMagic = unsupported };
    }

    /// <summary>The one line a cell with a magic command the runner cannot honour fails with.</summary>
    public static string UnsupportedMagicMessage(int cellNumber, string magic, int line) =>
        $"cell {cellNumber}, line {line}: the magic command {magic} is not supported by this runner (it runs C# cells, "
        + "#r \"nuget:\", #i, #load and #!time); remove the line, or run the notebook in Polyglot Notebooks";
}
