using System.Text.Json.Nodes;

namespace Benchmarks;

/// <summary>Runs pytorch_loops.py under Debian's python3-torch (and python3-sklearn, which data/make_reference.py imports), one source loop per process.</summary>
public static class PyTorchLoops
{
    /// <summary>Steps per second of one source loop (named by its notebook's stem), timed in a fresh Python process as the runner runs each notebook in a fresh .NET one.</summary>
    public static double Run(string repoRoot, string notebookStem)
    {
        var script = Path.Combine(repoRoot, "tests/Benchmarks/pytorch_loops.py");
        var stdout = ChildProcess.Run(DebianPython.Python, [script, notebookStem], repoRoot, Runner.Limit).EnsureSucceeded($"{script} {notebookStem}").Stdout;
        var loop = JsonNode.Parse(stdout)![notebookStem]!;
        return (double)loop["steps"]! / (double)loop["seconds"]!;
    }
}
