using NotebookRunner.Notebooks;

namespace NotebookRunner.Cli;

/// <summary>
/// Before anything runs: every output and the report can be written, and the report names none of the notebooks.
/// "Can be written" is tried, not read from permission bits (which root ignores): a probe file is created and
/// removed where the output's atomic write will create its temporary file.
/// </summary>
public static class OutputChecks
{
    public static void EnsureWritable(IEnumerable<string> outputs, string option)
    {
        foreach (var output in outputs) EnsureFileWritable(output, option);
    }

    public static void EnsureReportWritable(string report, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        if (Directory.Exists(report))
            throw new UsageException($"--report {report}: is a folder; name a file, e.g. {Path.Combine(report, "report.json")}");
        var real = RealPath.Of(report);
        foreach (var input in inputs)
            if (RealPath.Of(input) == real)
                throw new UsageException($"--report {report}: is the input notebook {input}; name another file for the report");
        foreach (var output in outputs)
            if (RealPath.Of(output) == real)
                throw new UsageException($"--report {report}: is also the executed notebook's output {output}; name another file for the report");
        EnsureFileWritable(report, "--report");
    }

    private static void EnsureFileWritable(string path, string option)
    {
        if (SpecialFile.Is(path)) return; // a FIFO or device is written through; opening one here could block
        var target = RealPath.Of(path);
        var folder = Path.GetDirectoryName(target)!;
        // The nearest existing folder: missing ones are created at write time, in it.
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
                throw new UsageException($"{option} {path}: cannot write there: {existing} is a file, not a folder; choose another path");
            existing = Path.GetDirectoryName(existing)!;
        }
        try
        {
            var probe = WriteTemporaryFiles.NewPath(existing, Path.GetFileName(target));
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path}: cannot write in {existing} ({e.Message}); choose a writable location");
        }
    }
}
