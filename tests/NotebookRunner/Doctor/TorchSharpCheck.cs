using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookRunner.Native;
using NotebookRunner.Packages;

namespace NotebookRunner.Doctor;

/// <summary>
/// Loads TorchSharp in this process the way a notebook does (restore, native registration, a Roslyn script
/// that makes a tensor), so the check exercises exactly the runner's path. The runner has no compile-time
/// reference to TorchSharp.
/// </summary>
public static class TorchSharpCheck
{
    public static readonly PackageRequest Package = new("TorchSharp-cpu", NuGetCacheLibTorchSharp.TorchSharpVersion);

    private const string Probe = """
        TorchSharp.torch.manual_seed(0);
        var t = TorchSharp.torch.rand(2, 3);
        string.Join(" ", t.data<float>().ToArray().Select(v => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)))
            + "|" + TorchSharp.torch.cuda.is_available()
        """;

    public sealed record Result(DoctorCheck Load, DoctorCheck Cuda);

    public static RestoredPackages? Restore(PackageRestorer restorer, out string? error)
    {
        try
        {
            error = null;
            return restorer.Restore([Package], []);
        }
        catch (PackageRestoreException e)
        {
            error = e.Message;
            return null;
        }
    }

    public static Result Run(RestoredPackages? restored, string? restoreError)
    {
        const string name = "TorchSharp native load";
        const string cuda = "CUDA";
        if (restored is null)
            return new Result(DoctorCheck.Fail(name, restoreError ?? "TorchSharp-cpu was not restored"), DoctorCheck.Warn(cuda, "not checked (TorchSharp not restored)"));
        try
        {
            NativeAssets.Register(restored, TextWriter.Null);
            var options = ScriptOptions.Default
                .AddImports("System", "System.Linq")
                .AddReferences(typeof(Enumerable).Assembly)
                .AddReferences(restored.Assemblies.Select(p => MetadataReference.CreateFromFile(p)));
            var answer = CSharpScript.EvaluateAsync<string>(Probe, options).GetAwaiter().GetResult();
            var parts = answer.Split('|');
            var loaded = TorchSharpNativeLoader.LoadedLibTorchSharp;
            var from = loaded is null ? "" : $" from {loaded}";
            var load = DoctorCheck.Ok(name, $"{Package.Id} {Package.Version}{from}; manual_seed(0), rand(2,3) = {parts[0]}");
            var cudaCheck = bool.Parse(parts[1])
                ? DoctorCheck.Ok(cuda, "available")
                : DoctorCheck.Ok(cuda, "not available; notebooks run on the CPU");
            return new Result(load, cudaCheck);
        }
        catch (Exception e)
        {
            var inner = e is CompilationErrorException ? e : e.GetBaseException();
            var line = inner.Message.Split('\n')[0].Trim();
            return new Result(DoctorCheck.Fail(name, $"{inner.GetType().Name}: {line}"), DoctorCheck.Warn(cuda, "not checked (TorchSharp did not load)"));
        }
    }
}
