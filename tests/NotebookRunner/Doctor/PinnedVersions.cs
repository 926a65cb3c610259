using System.Reflection;

namespace NotebookRunner.Doctor;

/// <summary>Package versions pinned in Directory.Packages.props, put into this assembly by the build (NotebookRunner.csproj).</summary>
public static class PinnedVersions
{
    public static readonly string TorchSharp = Metadata("TorchSharpVersion");

    private static string Metadata(string key) => typeof(PinnedVersions).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
