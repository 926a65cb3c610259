using System.Globalization;
using System.Text;

namespace NotebookRunner.Parameters;

/// <summary>
/// Renders parameter values as C# the way papermill's CSharpTranslator does
/// (`// Parameters` then `var name = value;` per line, bools `true`/`false`, strings double-quoted).
/// Deviations, so that `var` keeps the type declared in the parameters cell (papermill knows only Python values):
/// float gets an `f` suffix (`0.003f`; papermill would write `0.003`, a double), decimal an `m` suffix, long an `L`
/// suffix even when small, and a double always has a `.` or exponent (`10.0`, as Python's repr writes it).
/// Strings escape non-ASCII as \uXXXX (papermill's \xNN is variable-length in C# and can swallow the next char).
/// A parameter declared `const` is injected as `const TYPE name = value;`; an array as `new T[] { ... }`.
/// </summary>
public static class CSharpParameterTranslator
{
    public static string Codify(IEnumerable<(string Name, string Literal, string? ConstType)> parameters)
    {
        var content = new StringBuilder("// Parameters\n");
        foreach (var (name, literal, constType) in parameters)
            content.Append(constType is null ? $"var {name} = {literal};\n" : $"const {constType} {name} = {literal};\n");
        return content.ToString();
    }

    public static string Literal(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => Quote(s),
        int i => i.ToString(CultureInfo.InvariantCulture),
        uint u => u.ToString(CultureInfo.InvariantCulture) + "u",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
        double d => DoubleLiteral(d),
        float f => FloatDigits(f) + "f",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
        char c => "'" + Escape(c.ToString(), '\'') + "'",
        Array array => $"new {ElementKeyword(array)}[] {{ {string.Join(", ", array.Cast<object>().Select(Literal))} }}",
        _ => throw new ArgumentException($"cannot write a {value.GetType().Name} as a C# literal"),
    };

    private static string ElementKeyword(Array array) =>
        ParameterTypes.KeywordOf(array.GetType().GetElementType()!)
        ?? throw new ArgumentException($"cannot write a {array.GetType().Name} as a C# literal");

    private static string DoubleLiteral(double d)
    {
        if (double.IsNaN(d)) return "double.NaN";
        if (double.IsPositiveInfinity(d)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(d)) return "double.NegativeInfinity";
        var text = d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }

    private static string FloatDigits(float f)
    {
        if (float.IsNaN(f) || float.IsInfinity(f))
            throw new ArgumentException("NaN and infinity are not supported for float parameters");
        return f.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
    }

    private static string Quote(string s) => "\"" + Escape(s, '"') + "\"";

    private static string Escape(string s, char quote)
    {
        var builder = new StringBuilder();
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                default:
                    if (c == quote) builder.Append('\\').Append(c);
                    else if (c < 0x20 || c >= 0x7f) builder.Append($"\\u{(int)c:x4}");
                    else builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }
}
