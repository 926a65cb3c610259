using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Parameters;

/// <summary>Converts a `-p` value from the command line to the type declared in the parameters cell.</summary>
public static class ParameterValueConverter
{
    /// <summary>The converted value, or the reason it does not convert (one clause, no trailing period).</summary>
    public static object Convert(ParameterDeclaration declaration, string text, out string? problem)
    {
        problem = null;
        var type = declaration.Type;
        if (ParameterTypes.Scalar(type) is { } scalar)
            return ConvertScalar(scalar, text, out problem)!;
        if (ParameterTypes.ArrayElement(type) is { } element)
            return ConvertArray(element, text, out problem)!;
        problem = $"-p cannot set a {type} (it sets {ParameterTypes.Supported})";
        return null!;
    }

    private static object? ConvertScalar(string type, string text, out string? problem)
    {
        var value = Scalar(type, text);
        problem = value is null ? $"'{text}' does not convert to {type}" : null;
        if (value is double or float or decimal && IsZero(value) && HasNonZeroDigit(text))
        {
            problem = $"'{text}' is too small for a {type} (it would be 0); use 0 or a value the type can hold";
            return null;
        }
        return value;
    }

    private static object? ConvertArray(string element, string text, out string? problem)
    {
        problem = $"'{text}' is not a JSON list of {element} values; write it like {(element is "string" or "char" ? "[\"a\", \"b\"]" : "[1, 2, 3]")}";
        JsonArray? items;
        try { items = JsonNode.Parse(text) as JsonArray; }
        catch (JsonException) { return null; }
        if (items is null) return null;
        var elementType = ParameterTypes.TypeOf(element);
        var array = Array.CreateInstance(elementType, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonValue item) return null;
            var itemText = item.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : item.ToJsonString();
            if ((element is "string" or "char") != (item.GetValueKind() == JsonValueKind.String)) return null;
            var value = ConvertScalar(element, itemText, out var itemProblem);
            if (value is null)
            {
                problem = $"item {i + 1} of the list: {itemProblem}";
                return null;
            }
            array.SetValue(value, i);
        }
        problem = null;
        return array;
    }

    private static object? Scalar(string type, string text)
    {
        var inv = CultureInfo.InvariantCulture;
        const NumberStyles integer = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        const NumberStyles real = NumberStyles.Float;
        var digits = type is "float" or "double" or "decimal" ? text.Trim().TrimEnd('f', 'F', 'd', 'D', 'm', 'M') : text.Trim();
        return type switch
        {
            "int" when int.TryParse(text, integer, inv, out var i) => i,
            "long" when long.TryParse(text.TrimEnd('L', 'l'), integer, inv, out var l) => l,
            "uint" when uint.TryParse(text, integer, inv, out var u) => u,
            "ulong" when ulong.TryParse(text, integer, inv, out var ul) => ul,
            "double" when double.TryParse(digits, real, inv, out var d) && double.IsFinite(d) => d,
            "float" when float.TryParse(digits, real, inv, out var f) && float.IsFinite(f) => f,
            "decimal" when decimal.TryParse(digits, real, inv, out var m) => m,
            "bool" when bool.TryParse(text.Trim(), out var b) => b,
            "string" => text,
            "char" when text.Length == 1 => text[0],
            _ => null,
        };
    }

    private static bool IsZero(object value) => value switch
    {
        double d => d == 0,
        float f => f == 0,
        decimal m => m == 0,
        _ => false,
    };

    /// <summary>A non-zero digit before the exponent: the text names a non-zero number.</summary>
    private static bool HasNonZeroDigit(string text)
    {
        var mantissa = text.Split('e', 'E')[0];
        return mantissa.Any(c => c is >= '1' and <= '9');
    }
}
