using System.Text.RegularExpressions;

namespace Conformance.Tests;

/// <summary>The repository the tests run from, and the versions it pins for Microsoft's engine and TorchSharp.</summary>
public static partial class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Notebook(string stem) => Path.Combine(Root, "notebooks", stem + ".ipynb");

    /// <summary>The microsoft.dotnet-interactive version in dotnet-tools.json (the `.net-csharp` Jupyter kernel's tool).</summary>
    public static string KernelVersion { get; } =
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "dotnet-tools.json")))!["tools"]!["microsoft.dotnet-interactive"]!["version"]!;

    /// <summary>The TorchSharp-cpu version in Directory.Packages.props (the notebooks' `#r` lines name the same).</summary>
    public static string TorchSharpVersion { get; } =
        TorchSharpCpuVersion().Match(File.ReadAllText(Path.Combine(Root, "Directory.Packages.props"))).Groups[1].Value;

    [GeneratedRegex("""Include="TorchSharp-cpu"\s+Version="([^"]+)""")]
    private static partial Regex TorchSharpCpuVersion();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LinearRegressionSeries.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no LinearRegressionSeries.slnx above {AppContext.BaseDirectory}");
    }
}
