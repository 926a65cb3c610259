using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Benchmarks;

/// <summary>Runs pytorch_loops.py under Debian's python3-torch (and python3-sklearn, which data/make_reference.py imports); one run times all five source loops.</summary>
public static class PyTorchLoops
{
    public const string Python = "/usr/bin/python3";

    public static bool Available(out string problem)
    {
        var (code, _, err) = Exec(Python, "-c", "import torch, sklearn");
        problem = code == 0 ? "" : $"{Python} cannot import torch and sklearn ({err.Trim().Split('\n').LastOrDefault()}); install them with: sudo apt-get install python3-torch python3-sklearn";
        return code == 0;
    }

    /// <summary>Steps per second of each source loop, keyed by notebook stem.</summary>
    public static Dictionary<string, double> Run(string repoRoot)
    {
        var script = Path.Combine(repoRoot, "tests/Benchmarks/pytorch_loops.py");
        var (code, stdout, stderr) = Exec(Python, script);
        if (code != 0) throw new InvalidOperationException($"{script} failed (exit {code}): {stderr}");
        var json = JsonNode.Parse(stdout)!.AsObject();
        return json.Where(p => p.Value is JsonObject).ToDictionary(
            p => p.Key, p => (double)p.Value!["steps"]! / (double)p.Value!["seconds"]!);
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
