using NotebookRunner.Packages;

namespace NotebookRunner.Doctor;

/// <summary>
/// `doctor [--fix]`: one ok/warn/fail line per check of what notebooks need. Exit 0 when nothing failed.
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

        var cache = RestoreCacheLocation.Default;
        Report(DotnetSdkCheck.Run());
        Report(LibStdCxxCheck.Run());
        var restored = TorchSharpCheck.Restore(new PackageRestorer(cache), out var restoreError);
        Report(NuGetCacheLibTorchSharp.Check(NuGetCacheLibTorchSharp.Locate(restored?.NativeLibraries), fix));
        var torch = TorchSharpCheck.Run(restored, restoreError);
        Report(torch.Load);
        Report(torch.Cuda);
        Report(RestoreCacheCheck.Run(cache));
        return failed ? 1 : 0;
    }
}
