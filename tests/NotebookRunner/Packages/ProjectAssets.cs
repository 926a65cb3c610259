using System.Text.Json;

namespace NotebookRunner.Packages;

/// <summary>An error NuGet recorded in project.assets.json (NU1101, NU1102, ...).</summary>
public sealed record RestoreLogMessage(string Code, string Message, string? LibraryId);

/// <summary>
/// The parts of obj/project.assets.json the runner needs: package folders, each package's runtime and
/// native assets for the framework target, and the errors NuGet logged.
/// </summary>
public sealed class ProjectAssets
{
    private sealed record PackageAssets(string Path, List<string> Runtime, List<(string Asset, string Type, string Rid)> RuntimeTargets);

    private readonly List<PackageAssets> _packages;

    private ProjectAssets(IReadOnlyList<string> packageFolders, List<PackageAssets> packages, IReadOnlyList<RestoreLogMessage> errors)
    {
        PackageFolders = packageFolders;
        _packages = packages;
        Errors = errors;
    }

    public IReadOnlyList<string> PackageFolders { get; }

    public IReadOnlyList<RestoreLogMessage> Errors { get; }

    /// <summary>Reads the file; null when it is missing or unreadable (e.g. a restore that was killed mid-write).</summary>
    public static ProjectAssets? TryRead(string assetsPath)
    {
        if (!File.Exists(assetsPath)) return null;
        try
        {
            using var stream = File.OpenRead(assetsPath);
            using var json = JsonDocument.Parse(stream);
            return Parse(json.RootElement);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static ProjectAssets Parse(JsonElement root)
    {
        var folders = root.TryGetProperty("packageFolders", out var pf)
            ? pf.EnumerateObject().Select(p => p.Name).ToList()
            : [];

        var errors = new List<RestoreLogMessage>();
        if (root.TryGetProperty("logs", out var logs))
            foreach (var log in logs.EnumerateArray())
                if (log.TryGetProperty("level", out var level) && level.GetString() == "Error")
                    errors.Add(new RestoreLogMessage(
                        log.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "",
                        log.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "",
                        log.TryGetProperty("libraryId", out var l) ? l.GetString() : null));

        var packages = new List<PackageAssets>();
        var libraries = root.GetProperty("libraries");
        // The framework target is the one without a "/rid" suffix.
        var target = root.GetProperty("targets").EnumerateObject().FirstOrDefault(t => !t.Name.Contains('/'));
        if (target.Value.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in target.Value.EnumerateObject())
            {
                if (!entry.Value.TryGetProperty("type", out var type) || type.GetString() != "package") continue;
                if (!libraries.TryGetProperty(entry.Name, out var library)) continue;
                var path = library.TryGetProperty("path", out var p) ? p.GetString()! : entry.Name.ToLowerInvariant();
                var runtime = entry.Value.TryGetProperty("runtime", out var r)
                    ? r.EnumerateObject().Select(a => a.Name).Where(a => !IsPlaceholder(a)).ToList()
                    : [];
                var runtimeTargets = new List<(string, string, string)>();
                if (entry.Value.TryGetProperty("runtimeTargets", out var rt))
                    foreach (var asset in rt.EnumerateObject())
                        if (!IsPlaceholder(asset.Name))
                            runtimeTargets.Add((asset.Name,
                                asset.Value.TryGetProperty("assetType", out var at) ? at.GetString() ?? "" : "",
                                asset.Value.TryGetProperty("rid", out var rid) ? rid.GetString() ?? "" : ""));
                packages.Add(new PackageAssets(path, runtime, runtimeTargets));
            }
        }
        return new ProjectAssets(folders, packages, errors);
    }

    private static bool IsPlaceholder(string asset) => asset.EndsWith("/_._", StringComparison.Ordinal) || asset == "_._";

    /// <summary>True when every package's folder is still on disk (someone may have cleared the NuGet cache).</summary>
    public bool AllPackagesPresent() => _packages.All(p => FindPackageDirectory(p.Path) is not null);

    /// <summary>Runtime assemblies and native libraries for the given RIDs, nearest RID first.</summary>
    public RestoredPackages Resolve(IReadOnlyList<string> ridChain, string? cacheDirectory = null)
    {
        var assemblies = new List<string>();
        var natives = new List<string>();
        foreach (var package in _packages)
        {
            var directory = FindPackageDirectory(package.Path);
            if (directory is null) continue;
            // A RID-specific managed assembly (runtimes/unix/lib/...) replaces the portable one.
            var runtime = NearestForRid(package, "runtime", ridChain) ?? package.Runtime;
            assemblies.AddRange(runtime.Select(a => Combine(directory, a)));
            var native = NearestForRid(package, "native", ridChain) ?? [];
            natives.AddRange(native.Select(a => Combine(directory, a)));
        }
        return new RestoredPackages(assemblies, natives) { CacheDirectory = cacheDirectory };
    }

    private static List<string>? NearestForRid(PackageAssets package, string assetType, IReadOnlyList<string> ridChain)
    {
        foreach (var rid in ridChain)
        {
            var assets = package.RuntimeTargets
                .Where(t => t.Type == assetType && string.Equals(t.Rid, rid, StringComparison.OrdinalIgnoreCase))
                .Select(t => t.Asset).ToList();
            if (assets.Count > 0) return assets;
        }
        return null;
    }

    private string? FindPackageDirectory(string packagePath) =>
        PackageFolders.Select(f => Combine(f, packagePath)).FirstOrDefault(Directory.Exists);

    private static string Combine(string root, string relative) =>
        Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
}
