using System.Xml.Linq;

namespace TestSupport;

/// <summary>The package versions Directory.Packages.props pins, so no test repeats a version number.</summary>
public static class PinnedPackages
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Read = new(() =>
        XDocument.Load(Repository.Path("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every pinned package id (case as written) with its version.</summary>
    public static IReadOnlyDictionary<string, string> All => Read.Value;

    /// <summary>The pinned version of <paramref name="id"/>; throws naming the file when it is not pinned.</summary>
    public static string Version(string id) =>
        All.TryGetValue(id, out var version) ? version
            : throw new KeyNotFoundException($"Directory.Packages.props pins no {id}");

    /// <summary>The `#r` line a notebook cell uses for the pinned package, e.g. <c>#r "nuget: TorchSharp-cpu, 0.107.0"</c>.</summary>
    public static string ReferenceLine(string id) => $"#r \"nuget: {id}, {Version(id)}\"";
}
