namespace NotebookRunner.Parameters;

/// <summary>
/// The C# types `-p` can set: one table of keywords and their .NET types, which the parser, the converter and the
/// translator all read. A parameters cell may spell a type as its keyword, its .NET name (`Int32`, `System.Double`),
/// a nullable form (`string?`, `int?`) or a one-dimensional array (`int[]`).
/// </summary>
public static class ParameterTypes
{
    private static readonly (string Keyword, Type Type)[] Table =
    [
        ("int", typeof(int)), ("long", typeof(long)), ("uint", typeof(uint)), ("ulong", typeof(ulong)),
        ("double", typeof(double)), ("float", typeof(float)), ("decimal", typeof(decimal)), ("bool", typeof(bool)),
        ("string", typeof(string)), ("char", typeof(char)),
    ];

    public static IReadOnlyList<string> Scalars { get; } = Table.Select(t => t.Keyword).ToList();

    public static string Supported { get; } = $"{string.Join(", ", Scalars)}, their nullable forms (int?) and arrays (int[])";

    /// <summary>The keyword of a scalar type (`System.Int32?` → `int`), or null when `-p` cannot set it.</summary>
    public static string? Scalar(string type)
    {
        var name = type.Replace(" ", "").TrimEnd('?');
        if (name.StartsWith("global::", StringComparison.Ordinal)) name = name["global::".Length..];
        if (name.StartsWith("System.", StringComparison.Ordinal)) name = name["System.".Length..];
        foreach (var (keyword, clr) in Table)
            if (name == keyword || name == clr.Name) return keyword;
        return null;
    }

    /// <summary>The element type of a one-dimensional array type (`int[]`, `string[]?`), or null.</summary>
    public static string? ArrayElement(string type)
    {
        var name = type.Replace(" ", "").TrimEnd('?');
        return name.EndsWith("[]", StringComparison.Ordinal) ? Scalar(name[..^2]) : null;
    }

    /// <summary>The .NET type of a keyword from <see cref="Scalars"/>.</summary>
    public static Type TypeOf(string keyword) =>
        Table.FirstOrDefault(t => t.Keyword == keyword).Type ?? throw new ArgumentException($"-p cannot set a {keyword}");

    /// <summary>The keyword of a .NET type `-p` can set (`typeof(int)` → `int`), or null.</summary>
    public static string? KeywordOf(Type type) => Table.FirstOrDefault(t => t.Type == type).Keyword;
}
