using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace NotebookRunner.Packages;

/// <summary>
/// The tiny project `dotnet restore` runs on: one PackageReference per request, in a folder named by a hash
/// of the package set and sources so the same set reuses the same restore.
/// </summary>
public sealed class RestoreProject
{
    private const string ProjectFileName = "restore.csproj";
    private static readonly string TargetFramework = $"net{Environment.Version.Major}.0";

    private readonly IReadOnlyList<PackageRequest> _packages;
    private readonly IReadOnlyList<string> _sources;

    public RestoreProject(string restoresRoot, IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources)
    {
        _packages = packages
            .Select(p => new PackageRequest(p.Id.Trim(), string.IsNullOrWhiteSpace(p.Version) ? null : p.Version.Trim()))
            .DistinctBy(p => (p.Id.ToLowerInvariant(), p.Version))
            .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal)
            .ToList();
        _sources = sources.Select(NormalizeSource).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        Directory = Path.Combine(restoresRoot, Key());
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, ProjectFileName);

    public string AssetsPath => Path.Combine(Directory, "obj", "project.assets.json");

    public string LockPath => Path.Combine(Directory, ".lock");

    public IReadOnlyList<PackageRequest> Packages => _packages;

    public void Write()
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(ProjectPath, ProjectXml());
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), NuGetConfigXml());
        // Stop MSBuild from importing a Directory.Build.props/targets or central package versions from above
        // when the cache lives inside a repository.
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Directory, "Directory.Packages.props"), "<Project />\n");
    }

    private string Key()
    {
        var text = new StringBuilder("v1|" + TargetFramework);
        foreach (var p in _packages) text.Append('|').Append(p.Id.ToLowerInvariant()).Append('@').Append(p.Version ?? "*");
        foreach (var s in _sources) text.Append("|source=").Append(s);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash)[..20];
    }

    private string ProjectXml()
    {
        var references = string.Concat(_packages.Select(p =>
            $"    <PackageReference Include=\"{SecurityElement.Escape(p.Id)}\" Version=\"{SecurityElement.Escape(p.Version ?? "*")}\" />\n"));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{TargetFramework}</TargetFramework>
                <OutputType>Library</OutputType>
                <EnableDefaultItems>false</EnableDefaultItems>
                <ImplicitUsings>disable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>

            """;
    }

    // Adds the notebook's `#i` sources; no <clear/>, so the user's configured sources stay in effect.
    private string NuGetConfigXml()
    {
        var adds = string.Concat(_sources.Select((s, i) =>
            $"    <add key=\"notebook-source-{i + 1}\" value=\"{SecurityElement.Escape(s)}\" />\n"));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
            {adds}  </packageSources>
            </configuration>

            """;
    }

    private static string NormalizeSource(string source)
    {
        var trimmed = source.Trim();
        if (trimmed.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed["nuget:".Length..].Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && !uri.IsFile) return trimmed;
        return Path.GetFullPath(trimmed);
    }
}
