using System.Globalization;

namespace NotebookRunner.Parameters;

/// <summary>Converts a `-p` value from the command line to the type declared in the parameters cell.</summary>
public static class ParameterValueConverter
{
    public static readonly IReadOnlyList<string> SupportedTypes =
        ["int", "long", "uint", "ulong", "double", "float", "decimal", "bool", "string", "char"];

    public static bool TryConvert(string type, string text, out object? value)
    {
        var inv = CultureInfo.InvariantCulture;
        const NumberStyles integer = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        const NumberStyles real = NumberStyles.Float;
        value = null;
        var digits = type is "float" or "double" or "decimal" ? text.Trim().TrimEnd('f', 'F', 'd', 'D', 'm', 'M') : text.Trim();
        switch (type)
        {
            case "int" when int.TryParse(text, integer, inv, out var i): value = i; return true;
            case "long" when long.TryParse(text.TrimEnd('L', 'l'), integer, inv, out var l): value = l; return true;
            case "uint" when uint.TryParse(text, integer, inv, out var u): value = u; return true;
            case "ulong" when ulong.TryParse(text, integer, inv, out var ul): value = ul; return true;
            case "double" when double.TryParse(digits, real, inv, out var d) && double.IsFinite(d): value = d; return true;
            case "float" when float.TryParse(digits, real, inv, out var f) && float.IsFinite(f): value = f; return true;
            case "decimal" when decimal.TryParse(digits, real, inv, out var m): value = m; return true;
            case "bool" when bool.TryParse(text.Trim(), out var b): value = b; return true;
            case "string": value = text; return true;
            case "char" when text.Length == 1: value = text[0]; return true;
            default: return false;
        }
    }
}
