namespace NotebookRunner.Packages;

/// <summary>A package a notebook asks for with `#r "nuget: Id, Version"`; a null version means the latest.</summary>
public sealed record PackageRequest(string Id, string? Version);
