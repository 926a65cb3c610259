namespace NotebookRunner.Parameters;

/// <summary>
/// Checks `-p NAME VALUE` requests against a notebook's declared parameters and converts each value to its declared
/// type; `run` and exported apps share it, so both accept the same values and refuse the rest with the same line.
/// Depends on nothing outside this folder's declaration, type and converter files: exported apps include it.
/// </summary>
public static class ParameterRequests
{
    /// <summary>The converted values, a later `-p` of a name replacing an earlier one; throws <see cref="ParameterException"/>.</summary>
    public static IReadOnlyList<(string Name, object Value)> Convert(
        string notebookPath, IReadOnlyList<ParameterDeclaration> declared, IReadOnlyList<(string Name, string Value)> requested)
    {
        var converted = new List<(string, object)>();
        foreach (var (name, text) in requested)
        {
            var declaration = declared.FirstOrDefault(d => d.Name == name);
            if (declaration is null)
                throw new ParameterException(
                    $"{notebookPath}: unknown parameter '{name}'; valid parameters: {Describe(declared)}");
            if (declaration.Type == UnknownType)
                throw new ParameterException(
                    $"{notebookPath}: parameter '{name}' has a default (`{declaration.Default}`) whose type cannot be told without running it; " +
                    $"declare its type in the parameters cell (e.g. `int[] {name} = ...`) to set it with -p");
            var value = ParameterValueConverter.Convert(declaration, text, out var problem);
            if (problem is not null)
                throw new ParameterException(
                    $"{notebookPath}: parameter '{name}' is {declaration.Type}, and {problem}; valid parameters: {Describe(declared)}");
            converted.RemoveAll(c => c.Item1 == name);
            converted.Add((name, value));
        }
        return converted;
    }

    /// <summary>The type <see cref="ParameterCellParser"/> gives a `var` whose default is not a literal.</summary>
    public const string UnknownType = "unknown";

    public static string Describe(IReadOnlyList<ParameterDeclaration> declared) =>
        declared.Count == 0 ? "(none: the notebook has no cell tagged 'parameters')"
            : string.Join(", ", declared.Select(d => $"{d.Name} ({(d.Type == UnknownType ? "type not declared" : d.Type)})"));
}
