using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Export.Tests;

/// What a notebook's outputs show as text, in cell order, as its app must print it: stdout stream text, the text
/// of displayed values and results (the plain text of one shown as HTML), and `figure: *` for each picture.
public static partial class ShownText
{
    public const string FigureLine = "figure: *";

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    // The Formatting package's HTML for a plain value carries a <style> sheet: not text the reader sees.
    [GeneratedRegex(@"<(style|script)\b[\s\S]*?</\1>", RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex(@"^figure: (?<path>.+)$", RegexOptions.Multiline)]
    private static partial Regex FigureLinePattern();

    public static string OfNotebook(JsonObject notebook)
    {
        var text = new StringBuilder();
        foreach (var cell in notebook["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            if ((string?)cell["cell_type"] != "code") continue;
            foreach (var output in cell["outputs"]?.AsArray().Select(o => o!.AsObject()) ?? [])
            {
                switch ((string?)output["output_type"])
                {
                    case "stream" when (string?)output["name"] == "stdout":
                        text.Append(Joined(output["text"]));
                        break;
                    case "display_data" or "execute_result":
                        var data = output["data"]!.AsObject();
                        if (data.ContainsKey("image/png")) text.Append(FigureLine).Append('\n');
                        else if (data.ContainsKey("text/plain")) text.Append(Joined(data["text/plain"])).Append('\n');
                        else if (data.ContainsKey("text/html")) text.Append(WebUtility.HtmlDecode(Tag().Replace(StyleOrScript().Replace(Joined(data["text/html"]), ""), "")).Trim()).Append('\n');
                        break;
                    case "error":
                        throw new InvalidOperationException($"the notebook shows an error: {output["ename"]}: {output["evalue"]}");
                }
            }
        }
        return text.ToString();
    }

    /// The app's stdout with each figure line checked (a PNG file exists there) and written as `figure: *`.
    public static string OfApp(string stdout, string workingDirectory, out IReadOnlyList<string> figures)
    {
        var paths = new List<string>();
        var normalized = FigureLinePattern().Replace(stdout.Replace("\r\n", "\n"), match =>
        {
            paths.Add(Path.GetFullPath(Path.Combine(workingDirectory, match.Groups["path"].Value.Trim())));
            return FigureLine;
        });
        figures = paths;
        return normalized;
    }

    public static bool IsPng(string path) =>
        File.Exists(path) && File.ReadAllBytes(path) is [0x89, (byte)'P', (byte)'N', (byte)'G', ..];

    private static string Joined(JsonNode? node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
}
