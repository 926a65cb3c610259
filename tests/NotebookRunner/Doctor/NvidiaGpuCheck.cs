using System.Diagnostics;

namespace NotebookRunner.Doctor;

/// <summary>
/// Whether this machine has an NVIDIA GPU (nvidia-smi -L, else /proc/driver/nvidia/gpus), and which TorchSharp
/// package the notebooks would need to use it: they reference TorchSharp-cpu, which has no CUDA.
/// </summary>
public static class NvidiaGpuCheck
{
    public const string Name = "GPU";

    public static DoctorCheck Run()
    {
        var gpus = FromNvidiaSmi() ?? FromProcDriver();
        if (gpus.Count == 0) return DoctorCheck.Ok(Name, "no NVIDIA GPU found (nvidia-smi, /proc/driver/nvidia); the notebooks run on the CPU");
        var package = OperatingSystem.IsWindows() ? "TorchSharp-cuda-windows" : "TorchSharp-cuda-linux";
        return DoctorCheck.Warn(Name, $"{string.Join(", ", gpus)}: the notebooks reference TorchSharp-cpu and run on the CPU; to use the GPU, " +
            $"replace it with {package} {TorchSharpPackageLayout.Version} in each notebook's package cell (the feed this series is tested against serves only TorchSharp-cpu)");
    }

    private static List<string>? FromNvidiaSmi()
    {
        try
        {
            var start = new ProcessStartInfo("nvidia-smi", "-L") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(15_000)) { process.Kill(); return null; }
            if (process.ExitCode != 0) return null;
            // "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-...)"
            return stdout.Result.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("GPU ", StringComparison.Ordinal))
                .Select(l => l.Split(" (UUID", 2)[0]).ToList();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return null;
        }
    }

    private static List<string> FromProcDriver()
    {
        const string gpus = "/proc/driver/nvidia/gpus";
        if (!Directory.Exists(gpus)) return [];
        return Directory.GetDirectories(gpus).Select(d =>
        {
            var information = Path.Combine(d, "information");
            var model = File.Exists(information)
                ? File.ReadLines(information).FirstOrDefault(l => l.StartsWith("Model:", StringComparison.Ordinal))?["Model:".Length..].Trim()
                : null;
            return model ?? $"NVIDIA GPU at {Path.GetFileName(d)}";
        }).ToList();
    }
}
