namespace NotebookRunner.Parameters;

/// <summary>
/// One default declared in the `parameters` cell: its name, C# type as written (or inferred for `var`), the
/// default's source text, and whether it is a `const` (then the injected value must be a const too).
/// </summary>
public sealed record ParameterDeclaration(string Name, string Type, string Default, bool IsConst = false);
