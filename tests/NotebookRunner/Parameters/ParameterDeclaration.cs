namespace NotebookRunner.Parameters;

/// <summary>One default declared in the `parameters` cell: its name, C# type and default's source text.</summary>
public sealed record ParameterDeclaration(string Name, string Type, string Default);
