using System.Collections;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Report;

/// <summary>
/// The script's top-level variables worth reporting: numbers, bools, strings, arrays/lists of those,
/// tensors and modules. The last declaration of a name wins, as it does in the script.
/// </summary>
public static class VariableExtractor
{
    public static JsonObject Extract(ScriptState<object>? state, TextWriter? log = null)
    {
        var variables = new JsonObject();
        if (state is null) return variables;
        var latest = new Dictionary<string, object?>();
        foreach (var variable in state.Variables) latest[variable.Name] = variable.Value;
        foreach (var (name, value) in latest)
        {
            if (value is null) continue;
            try
            {
                if (TorchReflection.IsTensor(value)) variables[name] = TorchReflection.DescribeTensor(value);
                else if (TorchReflection.IsModule(value))
                    foreach (var (key, tensor) in TorchReflection.DescribeModule(name, value)) variables[key] = tensor;
                else if (Scalar(value) is { } scalar) variables[name] = scalar;
                else if (value is IEnumerable sequence and (Array or IList) && value is not string && Sequence(sequence) is { } array)
                    variables[name] = array;
            }
            catch (Exception e)
            {
                log?.WriteLine($"report: variable '{name}' skipped ({e.GetType().Name}: {e.Message})");
            }
        }
        return variables;
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

    private static JsonArray? Sequence(IEnumerable sequence)
    {
        var array = new JsonArray();
        foreach (var item in sequence)
        {
            if (item is null) return null;
            var node = Scalar(item) ?? (item is IEnumerable inner and (Array or IList) && item is not string ? Sequence(inner) : null);
            if (node is null) return null;
            array.Add(node);
        }
        return array;
    }
}
