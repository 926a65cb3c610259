using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookRunner.Jupyter;

/// <summary>
/// history_request over this session's inputs, as ipykernel answers it: `tail` (the last n), `range` (lines start to
/// stop of the current session) and `search` (a glob over the inputs, the last n, optionally unique). Entries are
/// (session, line, input); the kernel keeps no outputs and no earlier sessions, so `output` is ignored and session
/// 0 is this one.
/// </summary>
public static class KernelHistory
{
    public static JsonObject Reply(IReadOnlyList<(int Line, string Input)> history, JsonObject request)
    {
        IEnumerable<(int Line, string Input)> entries = history;
        int? n = request["n"] is JsonValue count && count.TryGetValue<int>(out var value) ? value : null;
        switch (request["hist_access_type"]?.GetValue<string>())
        {
            case "tail":
                if (n is { } last) entries = entries.TakeLast(last);
                break;
            case "range":
                var start = request["start"]?.GetValue<int>() ?? 0;
                int? stop = request["stop"] is JsonValue end && end.TryGetValue<int>(out var stopValue) ? stopValue : null;
                entries = request["session"]?.GetValue<int>() is null or 0
                    ? entries.Where(e => e.Line >= start && (stop is null || e.Line < stop))
                    : [];
                break;
            case "search":
                var pattern = Glob(request["pattern"]?.GetValue<string>() ?? "*");
                entries = entries.Where(e => pattern.IsMatch(e.Input));
                if (request["unique"]?.GetValue<bool>() == true)
                    entries = entries.Reverse().DistinctBy(e => e.Input).Reverse();
                if (n is { } found) entries = entries.TakeLast(found);
                break;
        }
        return new JsonObject
        {
            ["status"] = "ok",
            ["history"] = new JsonArray(entries.Select(e => (JsonNode?)new JsonArray(0, e.Line, e.Input)).ToArray()),
        };
    }

    /// <summary>IPython's search glob: `*` any text, `?` one character, the whole input matched.</summary>
    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.Singleline);
}
