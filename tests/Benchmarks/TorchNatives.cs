using System.Runtime.InteropServices;
using TorchSharp;

namespace Benchmarks;

/// <summary>Loads libtorch and the runner's patched libLibTorchSharp.so into this process, for the in-process probes.</summary>
public static class TorchNatives
{
    public static void Load()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        // Load libtorch by full path first, else libLibTorchSharp's NEEDED libtorch.so resolves to Debian's 1.13 and crashes.
        var libtorch = Path.Combine(home, ".nuget/packages/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native");
        NativeLibrary.Load(Path.Combine(libtorch, "libtorch_cpu.so"));
        NativeLibrary.Load(Path.Combine(libtorch, "libtorch.so"));
        var patched = Directory.EnumerateFiles(Path.Combine(home, ".cache/notebook-runner/native"), "libLibTorchSharp.so", SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new InvalidOperationException("no patched libLibTorchSharp.so: run a notebook with the runner (or its `doctor --fix`) first");
        var handle = NativeLibrary.Load(patched);
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly,
            (name, _, _) => name.Contains("LibTorchSharp") ? handle : IntPtr.Zero);
    }
}
