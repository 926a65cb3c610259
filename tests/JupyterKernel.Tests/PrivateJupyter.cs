using System.Text.Json;

namespace JupyterKernel.Tests;

/// <summary>
/// A private Jupyter data directory with our kernelspec installed by `kernel install`, so the tests never touch the
/// user's own; and the runners for the runner itself and for Debian's Python with jupyter_client and nbclient.
/// </summary>
public sealed class PrivateJupyter : IDisposable
{
    private static readonly TimeSpan ClientLimit = TimeSpan.FromMinutes(4);

    public PrivateJupyter()
    {
        DataDir = _scratch.Path("jupyter-data");
        Directory.CreateDirectory(DataDir);
        var installed = Runner("kernel", "install");
        if (installed.ExitCode != 0) throw new InvalidOperationException($"kernel install failed: {installed.Stderr}");
    }

    private readonly ScratchFolder _scratch = new("jupyter-kernel-tests");
    public string Root => _scratch.Root;
    public string DataDir { get; }

    /// <summary>Debian's interpreter first: python3-jupyter-client and python3-nbclient install there.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["JUPYTER_DATA_DIR"] = DataDir,
        ["PYTHONUNBUFFERED"] = "1",
    };

    public ProcessResult Runner(params string[] args) => RunnerAt(Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"), args);

    /// <summary>Runs the runner built at <paramref name="assembly"/> (a copy of the build, say) with this Jupyter folder.</summary>
    public ProcessResult RunnerAt(string assembly, params string[] args) =>
        ChildProcess.Run("dotnet", args.Prepend(assembly), Root, ClientLimit, Environment);

    public ProcessResult Client(string script, string workingDirectory, params string[] args) =>
        ChildProcess.Run(Python, args.Prepend(Path.Combine(AppContext.BaseDirectory, "clients", script)), workingDirectory, ClientLimit, Environment);

    /// <summary>Runs one scenario of kernel_scenarios.py in a fresh folder; returns its JSON result and the kernel's stderr.</summary>
    public (JsonObject Result, string KernelStderr) Scenario(string name, string kernelName = ".net-csharp")
    {
        var folder = Path.Combine(Root, name + "-" + kernelName);
        Directory.CreateDirectory(folder);
        var kernelStderr = Path.Combine(folder, "kernel.stderr");
        var result = Client("kernel_scenarios.py", folder, name, kernelStderr, kernelName);
        Assert.True(result.ExitCode == 0, $"scenario {name} failed:\n{result.Stderr}");
        var json = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{'));
        return (JsonNode.Parse(json)!.AsObject(), File.Exists(kernelStderr) ? File.ReadAllText(kernelStderr) : "");
    }

    public string KernelJsonPath(string name = ".net-csharp") => Path.Combine(DataDir, "kernels", name, "kernel.json");

    public JsonObject KernelJson(string name = ".net-csharp") => JsonNode.Parse(File.ReadAllText(KernelJsonPath(name)))!.AsObject();

    public void Dispose() => _scratch.Dispose();
}

[CollectionDefinition("jupyter")]
public sealed class JupyterCollection : ICollectionFixture<PrivateJupyter>;
