namespace Benchmarks;

/// <summary>Debian's Python with what the originals and the latency probe import: Jupyter's executor and client, ipykernel, PyTorch, scikit-learn.</summary>
public static class JupyterPython
{
    public const string Python = "/usr/bin/python3";
    const string Install = "install them with: sudo apt-get install python3-nbclient python3-ipykernel python3-jupyter-client python3-torch python3-sklearn";

    /// <summary>True when all of them import; otherwise <paramref name="problem"/> says what is missing and what to install.</summary>
    public static bool Available(out string problem)
    {
        if (!File.Exists(Python))
        {
            problem = $"{Python} is missing; {Install}";
            return false;
        }
        var check = ChildProcess.Run(Python, ["-c", "import nbclient, nbformat, ipykernel, jupyter_client, torch, sklearn"], Environment.CurrentDirectory, Runner.Limit);
        problem = check.ExitCode == 0 ? "" : $"{Python} cannot import what the speed benchmark needs ({check.Stderr.Trim().Split('\n').LastOrDefault()}); {Install}";
        return check.ExitCode == 0;
    }
}
