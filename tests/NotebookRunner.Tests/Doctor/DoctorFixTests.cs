namespace NotebookRunner.Tests.Doctor;

[Collection(RestoredTorchSharpCollection.Name)]
public sealed class DoctorFixIsIdempotent(RestoredTorchSharpTemplate template) : IDisposable
{
    readonly PrivateNuGetFolder folder = PrivateNuGetFolder.CopyOf(template.Folder);

    [Fact]
    public void a_second_fix_changes_nothing_and_prints_the_same_undo_command()
    {
        var first = DoctorProcess.Doctor(folder, "--fix");
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var afterFirst = folder.Snapshot();
        var second = DoctorProcess.Doctor(folder, "--fix");

        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Equal(afterFirst, folder.Snapshot());
        Assert.Equal(first.UndoCommand(), second.UndoCommand());
        // The links resolve into the libtorch package's own folder: nothing was copied.
        var link = new FileInfo(Path.Combine(folder.AssemblyFolder, "libtorch_cpu.so"));
        Assert.Equal(Path.Combine(folder.LibTorchNative, "libtorch_cpu.so"), link.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
    }

    public void Dispose() => folder.Dispose();
}

[Collection(RestoredTorchSharpCollection.Name)]
public sealed class DoctorUndoCommand(RestoredTorchSharpTemplate template) : IDisposable
{
    readonly PrivateNuGetFolder folder = PrivateNuGetFolder.CopyOf(template.Folder);

    [Fact]
    public void the_printed_undo_command_puts_torchsharps_package_folder_back_byte_for_byte()
    {
        var before = folder.Snapshot();
        var fix = DoctorProcess.Doctor(folder, "--fix");
        Assert.NotEqual(before, folder.Snapshot());

        var undo = DoctorProcess.Bash(fix.UndoCommand(), folder);

        Assert.True(undo.ExitCode == 0, undo.Stderr);
        Assert.Equal(before, folder.Snapshot());
        Assert.StartsWith("warn", DoctorProcess.Doctor(folder).Line("NuGet cache TorchSharp links"));
    }

    public void Dispose() => folder.Dispose();
}

[Collection(RestoredTorchSharpCollection.Name)]
public sealed class DoctorStaleLibTorchCopy(RestoredTorchSharpTemplate template) : IDisposable
{
    readonly PrivateNuGetFolder folder = PrivateNuGetFolder.CopyOf(template.Folder);

    [Fact]
    public void doctor_names_a_stale_lib_net8_cpu_copy_and_fix_deletes_it()
    {
        // What TorchSharp leaves after a failed first load inside .NET Interactive: libtorch copied next to TorchSharp.dll.
        Directory.CreateDirectory(folder.ConsolidatedFolder);
        File.Copy(Path.Combine(folder.LibTorchNative, "libc10.so"), Path.Combine(folder.ConsolidatedFolder, "libc10.so"));

        var check = DoctorProcess.Doctor(folder).Line("stale libtorch copy");
        Assert.StartsWith("warn", check);
        Assert.Contains(folder.ConsolidatedFolder, check);
        Assert.True(Directory.Exists(folder.ConsolidatedFolder));

        var fixedLine = DoctorProcess.Doctor(folder, "--fix").Line("stale libtorch copy");
        Assert.StartsWith("ok", fixedLine);
        Assert.False(Directory.Exists(folder.ConsolidatedFolder));
    }

    public void Dispose() => folder.Dispose();
}

[Collection(RestoredTorchSharpCollection.Name)]
public sealed class DoctorLibTorchOnTheLibraryPath(RestoredTorchSharpTemplate template) : IDisposable
{
    readonly PrivateNuGetFolder folder = PrivateNuGetFolder.CopyOf(template.Folder);

    [Fact]
    public void doctor_names_a_libtorch_on_LD_LIBRARY_PATH_and_fails()
    {
        var other = Path.Combine(folder.Root, "other-libtorch");
        Directory.CreateDirectory(other);
        File.Copy(Path.Combine(folder.LibTorchNative, "libc10.so"), Path.Combine(other, "libc10.so"));

        var result = DoctorProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"), "doctor"], folder,
            new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = other });

        Assert.Equal(1, result.ExitCode);
        var check = result.Line("libtorch on the library path");
        Assert.StartsWith("fail", check);
        Assert.Contains(Path.Combine(other, "libc10.so"), check);
        Assert.Contains("LD_LIBRARY_PATH", check);
    }

    public void Dispose() => folder.Dispose();
}

[Collection(RestoredTorchSharpCollection.Name)]
public sealed class DoctorKernelRestoreElsewhere(RestoredTorchSharpTemplate template) : IDisposable
{
    readonly PrivateNuGetFolder folder = PrivateNuGetFolder.CopyOf(template.Folder);

    [Fact]
    public void doctor_names_the_packages_folder_a_recorded_kernel_restore_loads_torchsharp_from()
    {
        // The line .NET Interactive writes for TorchSharp when it restored into another packages folder.
        var version = PinnedPackages.Version("TorchSharp");
        var other = Path.Combine(folder.Root, "other-packages", "torchsharp", version);
        var cache = Path.Combine(folder.Home, ".packagemanagement", "nuget", "Cache");
        Directory.CreateDirectory(cache);
        var recorded = Path.Combine(cache, "0123abcd.resolvedReferences.paths");
        File.WriteAllText(recorded, $"TorchSharp,{version},{other}/,{other}/lib/net8.0/TorchSharp.dll,runtime,False,,\n");

        var check = DoctorProcess.Doctor(folder).Line("kernel restore cache");

        Assert.StartsWith("warn", check);
        Assert.Contains(other, check);
        Assert.Contains(recorded, check);
    }

    public void Dispose() => folder.Dispose();
}
