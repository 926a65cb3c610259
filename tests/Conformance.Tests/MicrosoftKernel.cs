using System.Collections.Concurrent;
using System.Text.Json;

namespace Conformance.Tests;

/// <summary>
/// Microsoft's C# kernel, unmodified: the microsoft.dotnet-interactive tool pinned in dotnet-tools.json (the
/// `.net-csharp` Jupyter kernel's own program), started as `stdio` and sent each code cell as a SubmitCode
/// command, as a notebook front end does. Its events become the outputs a learner sees under each cell.
/// </summary>
public static class MicrosoftKernel
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs every code cell of the notebook in one fresh kernel whose working folder is the notebook's.</summary>
    public static IReadOnlyList<EngineCell> Run(string notebookPath)
    {
        var folders = PrivateEngineFolders.Shared;
        var events = new BlockingCollection<JsonElement>();
        using var kernel = ChildProcess.Start("dotnet",
            [KernelProgram.Path, "stdio", "--working-dir", Path.GetDirectoryName(Path.GetFullPath(notebookPath))!], Repository.Root,
            configure: start => folders.Apply(start, privateHome: true),
            onStdoutLine: line =>
            {
                // The kernel writes a banner before its JSON lines.
                if (!line.StartsWith('{')) return;
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("eventType", out _)) events.Add(json.RootElement.Clone());
            },
            writableStdin: true);

        var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        var cells = new List<EngineCell>();
        var number = 0;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            number++;
            if ((string?)cell!["cell_type"] != "code") continue;
            var source = NotebookText.Of(cell["source"]);
            if (string.IsNullOrWhiteSpace(source)) continue;
            cells.Add(new EngineCell(number, source, Submit(kernel, events, $"cell{number}", source)));
        }
        kernel.Stdin.Close();
        return cells;
    }

    private static List<EngineOutput> Submit(ChildProcess kernel, BlockingCollection<JsonElement> events, string token, string code)
    {
        var command = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
        };
        kernel.Stdin.WriteLine(command.ToJsonString());
        kernel.Stdin.Flush();

        var outputs = new KernelEventOutputs();
        var deadline = DateTime.UtcNow + CellTimeout;
        while (true)
        {
            if (!events.TryTake(out var e, TimeSpan.FromSeconds(1)))
            {
                if (kernel.HasExited) throw new InvalidOperationException($"Microsoft's kernel exited during {token}:\n{kernel.Stderr}");
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{token} did not finish in Microsoft's kernel in {CellTimeout.TotalMinutes} min");
                continue;
            }
            var eventToken = e.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("token", out var t)
                ? t.GetString() : null;
            if (eventToken is null || (eventToken != token && !eventToken.StartsWith(token + ".", StringComparison.Ordinal))) continue;
            var type = e.GetProperty("eventType").GetString()!;
            if (eventToken == token && type is "CommandSucceeded" or "CommandFailed")
            {
                if (type == "CommandFailed") outputs.Failed(e.GetProperty("event"));
                return outputs.List;
            }
            outputs.Add(type, e.GetProperty("event"));
        }
    }
}

/// <summary>Where the pinned tool's program is: restored by `dotnet tool restore` into the user's own NuGet folder.</summary>
public static class KernelProgram
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Path => Located.Value;

    private static string Locate()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var tool = System.IO.Path.Combine(packages, "microsoft.dotnet-interactive", RepositoryFiles.KernelVersion, "tools");
        if (!Directory.Exists(tool))
        {
            var restore = ChildProcess.Run("dotnet", ["tool", "restore"], Repository.Root, TimeSpan.FromMinutes(5));
            if (restore.ExitCode != 0) throw new InvalidOperationException($"`dotnet tool restore` failed:\n{restore.Stdout}{restore.Stderr}");
        }
        return Directory.EnumerateFiles(tool, "Microsoft.DotNet.Interactive.App.dll", SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new InvalidOperationException($"Microsoft.DotNet.Interactive.App.dll not found under {tool}; run `dotnet tool restore`");
    }
}
