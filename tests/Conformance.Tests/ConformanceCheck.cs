namespace Conformance.Tests;

/// <summary>What the conformance tests assert about a notebook's cells, as lists of problems (empty when it conforms).</summary>
public static class ConformanceCheck
{
    /// <summary>Error outputs: an exception or compile error, an error diagnostic, or text written to stderr.</summary>
    public static IReadOnlyList<string> Errors(string notebook, IReadOnlyList<EngineCell> cells) =>
        cells.SelectMany(c => c.Outputs
                .Where(o => o.Kind == "error" || o is { Kind: "diagnostic", Name: "error" } || o is { Kind: "stream", Name: "stderr" })
                .Select(o => $"{notebook}: cell {c.Number} ({FirstLine(c)}): {o}"))
            .ToList();

    /// <summary>Compiler warnings, which the Jupyter kernel shows to the learner as red stderr text.</summary>
    public static IReadOnlyList<string> Warnings(string notebook, IReadOnlyList<EngineCell> cells) =>
        cells.SelectMany(c => c.Outputs
                .Where(o => o is { Kind: "diagnostic", Name: "warning" })
                .Select(o => $"{notebook}: cell {c.Number} ({FirstLine(c)}): {o.Text}"))
            .ToList();

    /// <summary>
    /// Cell by cell: the same outputs in the same order, with the same kinds, mime types and text. Diagnostics are
    /// left to <see cref="Warnings"/> and <see cref="Errors"/> (the runner shows none: a compile error is its error output).
    /// </summary>
    public static IReadOnlyList<string> Differences(string notebook, IReadOnlyList<EngineCell> kernel, IReadOnlyList<EngineCell> runner)
    {
        var problems = new List<string>();
        if (!kernel.Select(c => c.Number).SequenceEqual(runner.Select(c => c.Number)))
            return [$"{notebook}: the engines ran different cells: kernel {string.Join(",", kernel.Select(c => c.Number))}, runner {string.Join(",", runner.Select(c => c.Number))}"];
        foreach (var (k, r) in kernel.Zip(runner))
        {
            var expected = AcceptedDifferences.KernelOutputsToCompare(k);
            var actual = AcceptedDifferences.RunnerOutputsToCompare(r);
            var where = $"{notebook}: cell {k.Number} ({FirstLine(k)})";
            if (expected.Count != actual.Count)
            {
                problems.Add($"{where}: kernel shows {expected.Count} outputs, runner {actual.Count}\n  kernel: {string.Join("\n          ", expected)}\n  runner: {string.Join("\n          ", actual)}");
                continue;
            }
            for (var i = 0; i < expected.Count; i++)
                if (Difference(expected[i], actual[i]) is { } difference)
                    problems.Add($"{where}, output {i + 1}: {difference}");
        }
        return problems;
    }

    private static string? Difference(EngineOutput kernel, EngineOutput runner)
    {
        if (kernel.Kind != runner.Kind || kernel.Name != runner.Name)
            return $"kernel shows {kernel.Kind} {kernel.Name}, runner {runner.Kind} {runner.Name}\n  kernel: {kernel}\n  runner: {runner}";
        if (kernel.Kind is "stream" or "error" or "diagnostic")
            return NumericText.Difference(kernel.Text, runner.Text) is null ? null : $"text differs\n  kernel: {kernel.Text}\n  runner: {runner.Text}";
        var kernelMimeTypes = string.Join(", ", kernel.Data.Keys.Order());
        var runnerMimeTypes = string.Join(", ", runner.Data.Keys.Order());
        if (kernelMimeTypes != runnerMimeTypes) return $"mime types differ: kernel {kernelMimeTypes}, runner {runnerMimeTypes}";
        foreach (var (mimeType, value) in kernel.Data)
        {
            // Images (base64) must be byte for byte the same; text may differ in its numbers only.
            var same = mimeType.StartsWith("text/", StringComparison.Ordinal)
                ? NumericText.Difference(Normalize(value), Normalize(runner.Data[mimeType])) is null
                : value.Trim() == runner.Data[mimeType].Trim();
            if (!same) return $"{mimeType} differs\n  kernel: {Shorten(value)}\n  runner: {Shorten(runner.Data[mimeType])}";
        }
        return null;
    }

    // The kernel's formatter writes CRLF inside its HTML on every OS; nbformat keeps what it is given.
    private static string Normalize(string text) => AcceptedDifferences.WithoutGuids(text.Replace("\r\n", "\n"));

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "...";

    private static string FirstLine(EngineCell cell)
    {
        var line = cell.Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length <= 50 ? line : line[..47] + "...";
    }
}
