using System.Text.RegularExpressions;

namespace NotebookRunner.Tests;

/// <summary>Directory.Packages.props is the one place for package versions: the notebooks' `#r "nuget:"` lines and the doctor follow it.</summary>
public class PackageVersionTests
{
    [Fact]
    public void every_nuget_reference_in_a_notebook_names_the_version_pinned_in_directory_packages_props()
    {
        var pinned = PinnedPackages.All;
        var notebooks = Directory.GetFiles(Repository.Path("notebooks"), "*.ipynb");
        var fixtures = Directory.GetFiles(Repository.Path("tests"), "*.ipynb", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        Assert.NotEmpty(notebooks);
        Assert.All(notebooks, n => Assert.Contains(NugetReferences(n), r => r.Id == "TorchSharp-cpu")); // the pattern matches

        var mismatches = new List<string>();
        foreach (var (file, isSeries) in notebooks.Select(n => (n, true)).Concat(fixtures.Select(f => (f, false))))
        {
            foreach (var (id, version) in NugetReferences(file))
            {
                if (!pinned.TryGetValue(id, out var expected))
                {
                    // A test fixture may name a package that does not exist on purpose; the series may not.
                    if (isSeries) mismatches.Add($"{Path.GetRelativePath(Repository.Root, file)}: {id} is not in Directory.Packages.props");
                }
                else if (version != expected)
                {
                    mismatches.Add($"{Path.GetRelativePath(Repository.Root, file)}: {id} {version}, but Directory.Packages.props pins {expected}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void the_torchsharp_version_the_doctor_checks_is_the_one_pinned_in_directory_packages_props()
    {
        Assert.Equal(PinnedPackages.Version("TorchSharp-cpu"), NotebookRunner.Doctor.PinnedVersions.TorchSharp);
    }

    /// <summary>The `#r "nuget: ID, VERSION"` lines, read from the file's JSON text (where the quotes are escaped).</summary>
    static IEnumerable<(string Id, string Version)> NugetReferences(string notebook) =>
        Regex.Matches(File.ReadAllText(notebook), @"#r\s+\\""nuget:\s*(?<id>[^,\\]+?)\s*,\s*(?<version>[^\\""]+?)\s*\\""")
            .Select(m => (m.Groups["id"].Value, m.Groups["version"].Value));
}
