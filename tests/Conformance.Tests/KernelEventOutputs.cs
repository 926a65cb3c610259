using System.Text.Json;

namespace Conformance.Tests;

/// <summary>Turns one cell's kernel events into the outputs a notebook front end shows, in order.</summary>
public sealed class KernelEventOutputs
{
    private readonly Dictionary<string, int> _displayIndexByValueId = [];

    public List<EngineOutput> List { get; } = [];

    public void Add(string eventType, JsonElement e)
    {
        switch (eventType)
        {
            case "StandardOutputValueProduced":
                List.Add(EngineOutput.Stream("stdout", PlainText(e)));
                break;
            case "StandardErrorValueProduced":
                List.Add(EngineOutput.Stream("stderr", PlainText(e)));
                break;
            case "ReturnValueProduced":
                List.Add(EngineOutput.Rich("execute_result", Data(e)));
                break;
            case "DisplayedValueProduced":
                if (ValueId(e) is { } id) _displayIndexByValueId[id] = List.Count;
                List.Add(EngineOutput.Rich("display_data", Data(e)));
                break;
            case "DisplayedValueUpdated":
                // An update replaces the shown value in place.
                if (ValueId(e) is { } updated && _displayIndexByValueId.TryGetValue(updated, out var index))
                    List[index] = EngineOutput.Rich("display_data", Data(e));
                else
                    List.Add(EngineOutput.Rich("display_data", Data(e)));
                break;
            case "DiagnosticsProduced":
                var formatted = e.GetProperty("formattedDiagnostics").EnumerateArray().Select(f => f.GetProperty("value").GetString() ?? "").ToList();
                var i = 0;
                foreach (var diagnostic in e.GetProperty("diagnostics").EnumerateArray())
                {
                    var severity = diagnostic.GetProperty("severity").GetString() ?? "";
                    var text = i < formatted.Count && formatted[i].Contains(diagnostic.GetProperty("code").GetString() ?? "\0")
                        ? formatted[i]
                        : $"{severity} {diagnostic.GetProperty("code").GetString()}: {diagnostic.GetProperty("message").GetString()}";
                    i++;
                    if (severity is "warning" or "error") List.Add(EngineOutput.Diagnostic(severity, text));
                }
                break;
        }
    }

    public void Failed(JsonElement e) => List.Add(EngineOutput.Error(e.GetProperty("message").GetString() ?? ""));

    private static string? ValueId(JsonElement e) =>
        e.TryGetProperty("valueId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static Dictionary<string, string> Data(JsonElement e) =>
        e.GetProperty("formattedValues").EnumerateArray()
            .Where(v => !(v.TryGetProperty("suppressDisplay", out var s) && s.GetBoolean()))
            .ToDictionary(v => v.GetProperty("mimeType").GetString()!, v => v.GetProperty("value").GetString() ?? "");

    private static string PlainText(JsonElement e) =>
        Data(e).TryGetValue("text/plain", out var text) ? text : string.Concat(Data(e).Values);
}
