namespace Benchmarks;

/// <summary>
/// Private folders for the engines the benchmarks start, so the user's Jupyter kernelspecs and NuGet cache never
/// change: our kernel installed into its own Jupyter data directory, and Microsoft's .NET Interactive (the
/// dotnet-tools.json pins: its Jupyter kernel and dotnet-repl) with its own Jupyter data directory and its own NuGet
/// packages folder, repaired for TorchSharp by the runner's `doctor --fix`, and its own home folder.
/// </summary>
public sealed class JupyterSides
{
    public required Dictionary<string, string> Ours { get; init; }
    public required Dictionary<string, string> Microsofts { get; init; }

    /// <summary>Installs both kernelspecs and restores Microsoft's tools under artifacts/kernel-benchmark/.</summary>
    public static JupyterSides Prepare(string repoRoot, string runnerDll)
    {
        var root = Path.Combine(repoRoot, "artifacts", "kernel-benchmark");
        var sides = new JupyterSides
        {
            Ours = new() { ["JUPYTER_DATA_DIR"] = Path.Combine(root, "ours-jupyter") },
            Microsofts = new()
            {
                ["JUPYTER_DATA_DIR"] = Path.Combine(root, "microsoft-jupyter"),
                ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages"),
                ["NOTEBOOK_RUNNER_CACHE"] = Path.Combine(root, "runner-cache"),
                ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
                // Its own home: the engine records each restore under ~/.packagemanagement and reuses it whatever
                // NUGET_PACKAGES says, so the user's home would hand it the user's unrepaired TorchSharp. Outside the
                // clone, since the restore project it writes there would otherwise fall under the repository's
                // central package versions (Directory.Packages.props) and fail with NU1008.
                ["HOME"] = Path.Combine(Path.GetTempPath(), "notebook-benchmarks-microsoft-home"),
            },
        };
        Run("dotnet", [runnerDll, "kernel", "install"], repoRoot, sides.Ours, "installing our kernelspec");
        Directory.CreateDirectory(Path.Combine(sides.Microsofts["JUPYTER_DATA_DIR"], "kernels"));
        Directory.CreateDirectory(sides.Microsofts["HOME"]);
        // The home's tool cache maps each tool to its path in the packages folder of the clone that restored it last;
        // once that clone is gone, `dotnet interactive` only says to run `dotnet tool restore`, which keeps the entry.
        var toolCache = Path.Combine(sides.Microsofts["HOME"], ".dotnet", "toolResolverCache");
        if (Directory.Exists(toolCache)) Directory.Delete(toolCache, recursive: true);
        Run("dotnet", ["tool", "restore"], repoRoot, sides.Microsofts, "dotnet tool restore");
        Run("dotnet", ["interactive", "jupyter", "install", "--path", Path.Combine(sides.Microsofts["JUPYTER_DATA_DIR"], "kernels")], repoRoot,
            sides.Microsofts, "installing Microsoft's kernelspec");
        // Restores TorchSharp into the private packages folder and patches its libLibTorchSharp.so (GLIBCXX_3.4.32).
        Run("dotnet", [runnerDll, "doctor", "--fix"], repoRoot, sides.Microsofts, "doctor --fix on the private NuGet packages", mustSucceed: false);
        return sides;
    }

    static void Run(string file, IEnumerable<string> args, string workingDirectory, Dictionary<string, string> environment,
        string what, bool mustSucceed = true)
    {
        var result = ChildProcess.Run(file, args, workingDirectory, Runner.Limit, environment);
        if (mustSucceed) result.EnsureSucceeded(what);
    }
}
