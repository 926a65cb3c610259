using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Report;

/// <summary>The reported variables, and for each variable left out or shortened, why.</summary>
public sealed record ExtractedVariables(JsonObject Values, JsonObject Cut);

/// <summary>
/// The script's top-level variables worth reporting: numbers, bools, strings, arrays/lists of those,
/// tensors and modules. The last declaration of a name wins, as it does in the script. Reading is bounded:
/// at most <see cref="MaxValues"/> values and <see cref="MaxDepth"/> levels of nesting per variable, and a list
/// that contains itself is not followed; a variable over a bound is left out and named in <c>Cut</c>.
/// </summary>
public static class VariableExtractor
{
    public const int MaxValues = TorchReflection.MaxValues;
    public const int MaxDepth = 8;

    public static ExtractedVariables Extract(ScriptState<object>? state, TextWriter? log = null)
    {
        var variables = new JsonObject();
        var cut = new JsonObject();
        if (state is null) return new ExtractedVariables(variables, cut);
        var latest = new Dictionary<string, object?>();
        foreach (var variable in state.Variables) latest[variable.Name] = variable.Value;
        foreach (var (name, value) in latest)
        {
            if (value is null) continue;
            try
            {
                if (TorchReflection.IsTensor(value))
                {
                    var tensor = TorchReflection.DescribeTensor(value);
                    variables[name] = tensor;
                    if (tensor["values"] is null) cut[name] = $"values left out: the report keeps tensors of at most {Count(MaxValues)} elements";
                }
                else if (TorchReflection.IsModule(value))
                    foreach (var (key, tensor) in TorchReflection.DescribeModule(name, value)) variables[key] = tensor;
                else if (Scalar(value) is { } scalar) variables[name] = scalar;
                else if (value is IEnumerable sequence and (Array or IList) && value is not string)
                {
                    var reader = new SequenceReader();
                    var array = reader.Read(sequence, 1);
                    if (reader.Cut is { } why) cut[name] = why;
                    else if (array is not null) variables[name] = array;
                }
            }
            catch (Exception e)
            {
                log?.WriteLine($"report: variable '{name}' skipped ({e.GetType().Name}: {e.Message})");
            }
        }
        return new ExtractedVariables(variables, cut);
    }

    private static JsonNode? Scalar(object value) => value switch
    {
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        char c => JsonValue.Create(c.ToString()),
        byte or sbyte or short or ushort or int or uint or long or ulong or decimal => JsonValue.Create(Convert.ToDecimal(value)),
        float f => float.IsFinite(f) ? JsonValue.Create(f) : null,
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        _ => null,
    };

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Reads one variable's (nested) sequence within the bounds; <see cref="Cut"/> says which bound stopped it.</summary>
    private sealed class SequenceReader
    {
        private readonly HashSet<object> _open = new(ReferenceEqualityComparer.Instance);
        private long _values;

        public string? Cut { get; private set; }

        public JsonArray? Read(IEnumerable sequence, int depth)
        {
            if (depth > MaxDepth) return Stop($"left out: nested deeper than {MaxDepth} levels");
            if (!_open.Add(sequence)) return Stop("left out: the list contains itself");
            // Count first: a 20-million-element array is never copied.
            if (sequence is ICollection collection && _values + collection.Count > MaxValues)
                return Stop($"left out: {Count(_values + collection.Count)} values or more; the report keeps at most {Count(MaxValues)} per variable");
            var array = new JsonArray();
            foreach (var item in sequence)
            {
                if (++_values > MaxValues) return Stop($"left out: more than {Count(MaxValues)} values; the report keeps at most {Count(MaxValues)} per variable");
                if (item is null) return null;
                var node = Scalar(item) ?? (item is IEnumerable inner and (Array or IList) && item is not string ? Read(inner, depth + 1) : null);
                if (node is null) return null;
                array.Add(node);
            }
            _open.Remove(sequence);
            return array;
        }

        private JsonArray? Stop(string why)
        {
            Cut ??= why;
            return null;
        }
    }
}
