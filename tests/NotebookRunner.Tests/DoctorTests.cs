namespace NotebookRunner.Tests;

public class DoctorTests
{
    [Fact]
    public void doctor_reports_every_check_and_loads_real_torchsharp()
    {
        var result = RunnerProcess.Run(Path.GetTempPath(), "doctor");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var check in new[] { ".NET SDK:", "libstdc++:", "NuGet cache libLibTorchSharp.so:", "NuGet cache TorchSharp links:",
                     "libtorch on the library path:", "stale libtorch copy:", "kernel restore cache:", "TorchSharp native load:", "GPU:", "restore cache:" })
            Assert.Contains(lines, l => l.Contains(check) && (l.StartsWith("ok") || l.StartsWith("warn")));
        // The load check runs real TorchSharp: PyTorch's first draws for manual_seed(0).
        Assert.Contains("0.4963 0.7682 0.0885", result.Stdout);
    }
}
