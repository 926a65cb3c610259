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
        if (output is not null && notebooks.Count > 1 && File.Exists(output))
            throw new UsageException(
                $"-o {output}: is a file, but {notebooks.Count} notebooks need a folder; pass a folder (created if missing) or run them one at a time");
        var outputs = notebooks.Select(n =>
        {
            var name = Path.GetFileName(n);
            if (output is null) return Path.Combine(DefaultOutputFolder, name);
            var isFolder = notebooks.Count > 1 || Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar);
            return isFolder ? Path.Combine(output, name) : output;
        }).ToList();
        // Real paths: a symlinked folder or file must not let -o reach an input.
        var inputs = notebooks.Select(RealPath.Of).ToList();
        for (var i = 0; i < outputs.Count; i++)
        {
            var input = inputs.IndexOf(RealPath.Of(outputs[i]));
            if (input == i)
                throw new UsageException($"{notebooks[i]}: output path is the input notebook; choose another -o or pass --inplace");
            if (input >= 0)
                throw new UsageException($"{outputs[i]}: output path is the input notebook {notebooks[input]}; choose another -o");
        }
        if (outputs.Select(RealPath.Of).Distinct(StringComparer.Ordinal).Count() != outputs.Count)
            throw new UsageException("two notebooks would be written to the same output file; run them separately or rename one");
        return outputs;
    }
}
