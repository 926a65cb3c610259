using NotebookRunner.Notebooks;

namespace NotebookRunner.Cli;

/// <summary>Expands PATH arguments into notebooks and decides where each executed copy goes.</summary>
public static class NotebookPaths
{
    public const string DefaultOutputFolder = "artifacts/executed";

    public static IReadOnlyList<string> Expand(IReadOnlyList<string> paths)
    {
        var notebooks = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.ipynb")
                    .OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new UsageException($"{path}: folder holds no .ipynb notebook");
                notebooks.AddRange(found);
            }
            else if (File.Exists(path)) notebooks.Add(path);
            else throw new NotebookReadException($"{path}: file not found; check the path");
        }
        return notebooks;
    }

    public static IReadOnlyList<string> Outputs(IReadOnlyList<string> notebooks, string? output, bool inPlace)
    {
        if (inPlace) return notebooks;
        var outputs = notebooks.Select(n =>
        {
            var name = Path.GetFileName(n);
            if (output is null) return Path.Combine(DefaultOutputFolder, name);
            var isFolder = notebooks.Count > 1 || Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar);
            return isFolder ? Path.Combine(output, name) : output;
        }).ToList();
        for (var i = 0; i < notebooks.Count; i++)
        {
            if (SamePath(notebooks[i], outputs[i]))
                throw new UsageException($"{notebooks[i]}: output path is the input notebook; choose another -o or pass --inplace");
        }
        if (outputs.Distinct(StringComparer.Ordinal).Count() != outputs.Count)
            throw new UsageException("two notebooks would be written to the same output file; run them separately or rename one");
        return outputs;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
