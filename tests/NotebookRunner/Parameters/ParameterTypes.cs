namespace NotebookRunner.Parameters;

/// <summary>
/// The C# types `-p` can set, with the spellings a parameters cell may use for them: keywords, .NET names
/// (`Int32`, `System.Double`), nullable forms (`string?`, `int?`) and one-dimensional arrays (`int[]`).
/// </summary>
public static class ParameterTypes
{
    public static readonly IReadOnlyList<string> Scalars =
        ["int", "long", "uint", "ulong", "double", "float", "decimal", "bool", "string", "char"];

    private static readonly Dictionary<string, string> DotnetNames = new()
    {
        ["Int32"] = "int", ["Int64"] = "long", ["UInt32"] = "uint", ["UInt64"] = "ulong", ["Double"] = "double",
        ["Single"] = "float", ["Decimal"] = "decimal", ["Boolean"] = "bool", ["String"] = "string", ["Char"] = "char",
    };

    public const string Supported = "int, long, uint, ulong, double, float, decimal, bool, string, char, their nullable forms (int?) and arrays (int[])";

    /// <summary>The keyword of a scalar type (`System.Int32?` → `int`), or null when `-p` cannot set it.</summary>
    public static string? Scalar(string type)
    {
        var name = type.Replace(" ", "").TrimEnd('?');
        if (name.StartsWith("global::", StringComparison.Ordinal)) name = name["global::".Length..];
        if (name.StartsWith("System.", StringComparison.Ordinal)) name = name["System.".Length..];
        if (DotnetNames.TryGetValue(name, out var keyword)) name = keyword;
        return Scalars.Contains(name) ? name : null;
    }

    /// <summary>The element type of a one-dimensional array type (`int[]`, `string[]?`), or null.</summary>
    public static string? ArrayElement(string type)
    {
        var name = type.Replace(" ", "").TrimEnd('?');
        return name.EndsWith("[]", StringComparison.Ordinal) ? Scalar(name[..^2]) : null;
    }
}
