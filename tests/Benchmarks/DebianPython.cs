namespace Benchmarks;

/// <summary>
/// Debian's Python, which runs the PyTorch side of every benchmark: the source loops (python3-torch, python3-sklearn)
/// and the originals in Jupyter (python3-nbclient, python3-ipykernel, python3-jupyter-client as well).
/// </summary>
public static class DebianPython
{
    public const string Python = "/usr/bin/python3";

    /// <summary>What the loop and ops benchmarks import, and the Debian packages that bring it.</summary>
    public static readonly (string[] Modules, string[] Packages) PyTorch =
        (["torch", "sklearn"], ["python3-torch", "python3-sklearn"]);

    /// <summary>What the speed benchmark imports (the originals in Jupyter, the latency probe), and its packages.</summary>
    public static readonly (string[] Modules, string[] Packages) Jupyter =
        (["nbclient", "nbformat", "ipykernel", "jupyter_client", "torch", "sklearn"],
         ["python3-nbclient", "python3-ipykernel", "python3-jupyter-client", "python3-torch", "python3-sklearn"]);

    /// <summary>True when every module imports; otherwise <paramref name="problem"/> says what is missing and what to install.</summary>
    public static bool Imports((string[] Modules, string[] Packages) needs, out string problem)
    {
        var install = $"install them with: sudo apt-get install {string.Join(' ', needs.Packages)}";
        if (!File.Exists(Python))
        {
            problem = $"{Python} is missing; {install}";
            return false;
        }
        var check = ChildProcess.Run(Python, ["-c", $"import {string.Join(", ", needs.Modules)}"], Environment.CurrentDirectory, Runner.Limit);
        problem = check.ExitCode == 0 ? ""
            : $"{Python} cannot import {string.Join(", ", needs.Modules)} ({check.Stderr.Trim().Split('\n').LastOrDefault()}); {install}";
        return check.ExitCode == 0;
    }
}
