using NotebookRunner.Packages;

namespace NotebookRunner.Doctor;

/// <summary>
/// `doctor [--fix]`: one ok/warn/fail line per check of what notebooks need, in the runner and in Microsoft's kernel.
/// With --fix it repairs the NuGet packages folder ($NUGET_PACKAGES or ~/.nuget/packages) and prints the one command
/// that undoes it. Exit 0 when nothing failed.
/// </summary>
public static class DoctorCommand
{
    public static int Run(bool fix, TextWriter output)
    {
        var failed = false;
        void Report(DoctorCheck check)
        {
            output.WriteLine(check.ToString());
            output.Flush();
            failed |= check.Status == DoctorStatus.Fail;
        }

        var cache = TorchSharpCheck.CacheFor(RestoreCacheLocation.Default);
        Report(DotnetSdkCheck.Run());
        Report(LibStdCxxCheck.Run());
        // Restoring first puts TorchSharp into the packages folder the checks below look at.
        var restored = TorchSharpCheck.Restore(new PackageRestorer(cache), out var restoreError);
        var layout = TorchSharpPackageLayout.Current;
        var undo = new UndoCommand(layout.Root);
        Report(NuGetCacheLibTorchSharp.Check(layout, fix, undo));
        var links = TorchSharpLinks.Check(layout, fix, undo);
        Report(links);
        Report(SystemLibTorchCheck.Check(SystemLibTorch.Find(layout.LibTorchNativeFolder), linked: links.Status == DoctorStatus.Ok && layout.IsRestored));
        Report(ConsolidatedCopyCheck.Check(layout, fix));
        Report(KernelRestoreCacheCheck.Check(layout, KernelRestoreCacheCheck.CacheFolder));
        Report(TorchSharpCheck.Run(restored, restoreError));
        Report(NvidiaGpuCheck.Run());
        Report(RestoreCacheCheck.Run(cache));
        if (!undo.IsEmpty) output.WriteLine($"undo: {undo}");
        return failed ? 1 : 0;
    }
}
