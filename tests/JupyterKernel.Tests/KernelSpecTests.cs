namespace JupyterKernel.Tests;

[Collection("jupyter")]
public class KernelSpecTests(PrivateJupyter jupyter)
{
    [Fact]
    public void install_writes_a_kernelspec_whose_absolute_command_starts_our_kernel_with_message_interrupts()
    {
        var spec = jupyter.KernelJson();
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.True(Path.IsPathRooted(argv[0]), $"argv[0] is not absolute: {argv[0]}");
        var copies = Path.Combine(jupyter.DataDir, "notebook-runner", ".net-csharp") + Path.DirectorySeparatorChar;
        Assert.Contains(argv, a => a.StartsWith(copies, StringComparison.Ordinal));
        Assert.Equal(["kernel", "{connection_file}"], argv[^2..]);
        Assert.Equal("C#", (string?)spec["language"]);
        Assert.Equal("message", (string?)spec["interrupt_mode"]);
    }

    [Fact]
    public void a_kernel_installed_from_a_build_still_runs_after_that_build_is_deleted_and_uninstall_removes_its_copy()
    {
        var build = Path.Combine(jupyter.Root, "build-deleted-after-install");
        CopyFolder(AppContext.BaseDirectory, build);
        var install = jupyter.RunnerAt(Path.Combine(build, "NotebookRunner.dll"), "kernel", "install", "--name", "outlives-its-build");
        Assert.True(install.ExitCode == 0, install.Stderr);
        Directory.Delete(build, recursive: true);

        var (result, stderr) = jupyter.Scenario("six_times_seven", "outlives-its-build");

        Assert.True((string?)result["status"] == "ok", stderr);
        Assert.Contains("42", (string?)result["value"]);
        Assert.Equal(0, jupyter.Runner("kernel", "uninstall", "--name", "outlives-its-build").ExitCode);
        Assert.False(Directory.Exists(Path.Combine(jupyter.DataDir, "notebook-runner", "outlives-its-build")));
        Assert.False(Directory.Exists(Path.Combine(jupyter.DataDir, "kernels", "outlives-its-build")));
    }

    [Fact]
    public void install_keeps_a_foreign_kernelspec_of_the_same_name_and_says_how_to_choose()
    {
        var foreign = Path.Combine(jupyter.DataDir, "kernels", "foreign-kernel", "kernel.json");
        Directory.CreateDirectory(Path.GetDirectoryName(foreign)!);
        const string microsofts = """{"argv": ["dotnet", "interactive", "jupyter"], "display_name": ".NET (C#)", "language": "C#"}""";
        File.WriteAllText(foreign, microsofts);

        var refused = jupyter.Runner("kernel", "install", "--name", "foreign-kernel");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(microsofts, File.ReadAllText(foreign));
        Assert.Contains("--replace", refused.Stderr);
        Assert.Contains("--name", refused.Stderr);
    }

    [Fact]
    public void replace_moves_the_foreign_kernelspec_aside_and_uninstall_puts_it_back()
    {
        var foreign = Path.Combine(jupyter.DataDir, "kernels", "replaced-kernel", "kernel.json");
        Directory.CreateDirectory(Path.GetDirectoryName(foreign)!);
        const string microsofts = """{"argv": ["dotnet", "interactive", "jupyter"], "display_name": ".NET (C#)", "language": "C#"}""";
        File.WriteAllText(foreign, microsofts);

        Assert.Equal(0, jupyter.Runner("kernel", "install", "--name", "replaced-kernel", "--replace").ExitCode);
        Assert.Equal("message", (string?)jupyter.KernelJson("replaced-kernel")["interrupt_mode"]);
        Assert.Equal(0, jupyter.Runner("kernel", "uninstall", "--name", "replaced-kernel").ExitCode);

        Assert.Equal(microsofts, File.ReadAllText(foreign));
    }

    [Fact]
    public void uninstall_leaves_a_kernelspec_that_is_not_ours_in_place()
    {
        var foreign = Path.Combine(jupyter.DataDir, "kernels", "not-ours", "kernel.json");
        Directory.CreateDirectory(Path.GetDirectoryName(foreign)!);
        File.WriteAllText(foreign, """{"argv": ["python3"], "display_name": "Python 3", "language": "python"}""");

        var refused = jupyter.Runner("kernel", "uninstall", "--name", "not-ours");

        Assert.Equal(2, refused.ExitCode);
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public void a_bad_connection_file_fails_at_start_with_one_line_naming_it()
    {
        var path = Path.Combine(jupyter.Root, "broken-connection.json");
        File.WriteAllText(path, """{"shell_port": "not a port"}""");

        var result = jupyter.Runner("kernel", path);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(path, lines[0]);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
