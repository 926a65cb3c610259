using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Jupyter;

/// <summary>
/// `kernel install` / `kernel uninstall`: our kernel.json under DATA_DIR/kernels/NAME, starting the kernel's own copy
/// of the runner (<see cref="InstalledKernel"/>), never the build it was installed from. Another kernelspec of the
/// same name (Microsoft's .NET Interactive installs `.net-csharp`) is kept unless --replace, which moves it aside
/// to NAME.before-notebook-runner, where Jupyter still lists it; uninstall puts it back.
/// </summary>
public static class KernelSpec
{
    public const string DefaultName = ".net-csharp";
    private const string Owner = "NotebookRunner";
    private const string SetAsideSuffix = ".before-notebook-runner";

    /// <summary>Returns the exit code; explains a refusal in one line.</summary>
    public static int Install(string name, bool replace, TextWriter stdout, TextWriter stderr)
    {
        var dataDirectory = JupyterDataDirectory.Find();
        var kernels = Path.Combine(dataDirectory, "kernels");
        var directory = Path.Combine(kernels, name);
        var file = Path.Combine(directory, "kernel.json");
        if (File.Exists(file) && !IsOurs(file))
        {
            if (!replace)
            {
                stderr.WriteLine($"{file}: a kernelspec '{name}' that is not ours is installed (\"{DisplayName(file)}\"); kept. "
                    + $"Install ours beside it with `kernel install --name notebook-runner-csharp` and pick that kernel in the front end, "
                    + $"or make ours the one the notebooks open with `kernel install --replace` (the other is moved to {name}{SetAsideSuffix})");
                return ExitCodes.BadUsage;
            }
            var aside = directory + SetAsideSuffix;
            if (Directory.Exists(aside)) Directory.Delete(aside, recursive: true);
            Directory.Move(directory, aside);
            stdout.WriteLine($"moved the existing kernelspec '{name}' to {aside}");
        }
        string copy;
        try
        {
            copy = InstalledKernel.Install(dataDirectory, name);
        }
        catch (KernelInstallException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.BadUsage;
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(file, KernelJson(name, copy).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        stdout.WriteLine($"installed kernelspec '{name}' in {directory}, starting the kernel copied to {copy}");
        return ExitCodes.Ok;
    }

    public static int Uninstall(string name, TextWriter stdout, TextWriter stderr)
    {
        var dataDirectory = JupyterDataDirectory.Find();
        var directory = Path.Combine(dataDirectory, "kernels", name);
        var file = Path.Combine(directory, "kernel.json");
        if (!File.Exists(file))
        {
            stderr.WriteLine($"{directory}: no kernelspec '{name}' is installed; nothing to remove");
            return ExitCodes.BadUsage;
        }
        if (!IsOurs(file))
        {
            stderr.WriteLine($"{file}: kernelspec '{name}' is not ours (\"{DisplayName(file)}\"); left in place");
            return ExitCodes.BadUsage;
        }
        Directory.Delete(directory, recursive: true);
        InstalledKernel.Uninstall(dataDirectory, name);
        stdout.WriteLine($"removed kernelspec '{name}' from {directory} and its kernel from {InstalledKernel.CopiesOf(dataDirectory, name)}");
        if (Directory.Exists(directory + SetAsideSuffix))
        {
            Directory.Move(directory + SetAsideSuffix, directory);
            stdout.WriteLine($"restored the kernelspec '{name}' that install --replace had moved aside");
        }
        return ExitCodes.Ok;
    }

    private static JsonObject KernelJson(string name, string copy) => new()
    {
        ["argv"] = new JsonArray(KernelCommandLine(copy).Select(a => (JsonNode?)a).ToArray()),
        ["display_name"] = ".NET (C#)",
        ["language"] = "C#",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["owner"] = Owner, ["name"] = name },
    };

    /// <summary>
    /// The absolute command that starts the copy as a kernel: through the `dotnet` host running this install (the
    /// runtime the copy was built for), or through the copy's own apphost when the runner was started by its apphost.
    /// </summary>
    private static IEnumerable<string> KernelCommandLine(string copy)
    {
        var process = Environment.ProcessPath!;
        var assembly = Path.GetFileName(typeof(KernelSpec).Assembly.Location);
        var host = Path.GetFileNameWithoutExtension(process);
        return host.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? [process, Path.Combine(copy, assembly), "kernel", "{connection_file}"]
            : [Path.Combine(copy, Path.GetFileName(process)), "kernel", "{connection_file}"];
    }

    private static bool IsOurs(string kernelJson)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(kernelJson))?["metadata"]?["owner"]?.GetValue<string>() == Owner;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string DisplayName(string kernelJson)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(kernelJson))?["display_name"]?.GetValue<string>() ?? "?";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return "unreadable kernel.json";
        }
    }
}
