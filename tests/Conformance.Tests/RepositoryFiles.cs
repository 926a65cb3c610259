namespace Conformance.Tests;

/// <summary>The series' notebooks, and the versions the repository pins for Microsoft's engine and TorchSharp.</summary>
public static class RepositoryFiles
{
    public static string Notebook(string stem) => Repository.Path("notebooks", stem + ".ipynb");

    /// <summary>The microsoft.dotnet-interactive version in dotnet-tools.json (the `.net-csharp` Jupyter kernel's tool).</summary>
    public static string KernelVersion { get; } =
        (string)JsonNode.Parse(File.ReadAllText(Repository.Path("dotnet-tools.json")))!["tools"]!["microsoft.dotnet-interactive"]!["version"]!;

    /// <summary>The TorchSharp-cpu version in Directory.Packages.props (the notebooks' `#r` lines name the same).</summary>
    public static string TorchSharpVersion => PinnedPackages.Version("TorchSharp-cpu");
}
