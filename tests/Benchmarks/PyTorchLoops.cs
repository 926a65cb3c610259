using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Benchmarks;

/// <summary>Runs pytorch_loops.py under Debian's python3-torch (and python3-sklearn, which data/make_reference.py imports), one source loop per process.</summary>
public static class PyTorchLoops
{
    public const string Python = "/usr/bin/python3";

    public static bool Available(out string problem)
    {
        var (code, _, err) = Exec(Python, "-c", "import torch, sklearn");
        problem = code == 0 ? "" : $"{Python} cannot import torch and sklearn ({err.Trim().Split('\n').LastOrDefault()}); install them with: sudo apt-get install python3-torch python3-sklearn";
        return code == 0;
    }

    /// <summary>Steps per second of one source loop (named by its notebook's stem), timed in a fresh Python process as the runner runs each notebook in a fresh .NET one.</summary>
    public static double Run(string repoRoot, string notebookStem)
    {
        var script = Path.Combine(repoRoot, "tests/Benchmarks/pytorch_loops.py");
        var (code, stdout, stderr) = Exec(Python, script, notebookStem);
        if (code != 0) throw new InvalidOperationException($"{script} {notebookStem} failed (exit {code}): {stderr}");
        var loop = JsonNode.Parse(stdout)![notebookStem]!;
        return (double)loop["steps"]! / (double)loop["seconds"]!;
    }

    static (int Code, string Out, string Err) Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var o = p.StandardOutput.ReadToEndAsync();
            var e = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode, o.Result, e.Result);
        }
        catch (System.ComponentModel.Win32Exception ex) { return (127, "", ex.Message); }
    }
}
