using System.Text.Json.Nodes;

namespace Benchmarks;

/// <summary>Runs pytorch_loops.py under Debian's python3-torch (and python3-sklearn, which data/make_reference.py imports), one source loop per process.</summary>
public static class PyTorchLoops
{
    public const string Python = "/usr/bin/python3";

    public static bool Available(out string problem)
    {
        const string install = "install them with: sudo apt-get install python3-torch python3-sklearn";
        if (!File.Exists(Python))
        {
            problem = $"{Python} is missing; {install}";
            return false;
        }
        var check = ChildProcess.Run(Python, ["-c", "import torch, sklearn"], Environment.CurrentDirectory, Runner.Limit);
        problem = check.ExitCode == 0 ? "" : $"{Python} cannot import torch and sklearn ({check.Stderr.Trim().Split('\n').LastOrDefault()}); {install}";
        return check.ExitCode == 0;
    }

    /// <summary>Steps per second of one source loop (named by its notebook's stem), timed in a fresh Python process as the runner runs each notebook in a fresh .NET one.</summary>
    public static double Run(string repoRoot, string notebookStem)
    {
        var script = Path.Combine(repoRoot, "tests/Benchmarks/pytorch_loops.py");
        var stdout = ChildProcess.Run(Python, [script, notebookStem], repoRoot, Runner.Limit).EnsureSucceeded($"{script} {notebookStem}").Stdout;
        var loop = JsonNode.Parse(stdout)![notebookStem]!;
        return (double)loop["steps"]! / (double)loop["seconds"]!;
    }
}
