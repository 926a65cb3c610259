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
    public static readonly PackageRequest Package = new("TorchSharp-cpu", TorchSharpPackageLayout.Version);

    private const string Probe = """
        TorchSharp.torch.manual_seed(0);
        var t = TorchSharp.torch.rand(2, 3);
        string.Join(" ", t.data<float>().ToArray().Select(v => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)))
        """;

    /// <summary>
    /// The runner's restore cache remembers which packages folder a restore used, so with $NUGET_PACKAGES set the
    /// doctor restores through a cache of its own for that folder: the checks then see that folder's files.
    /// </summary>
    public static string CacheFor(string cacheDirectory)
    {
        if (!NuGetPackagesFolder.IsExplicit) return cacheDirectory;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(NuGetPackagesFolder.Current)));
        return Path.Combine(cacheDirectory, "nuget-packages-" + hash[..12]);
    }

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

    public static DoctorCheck Run(RestoredPackages? restored, string? restoreError)
    {
        const string name = "TorchSharp native load";
        if (restored is null)
            return DoctorCheck.Fail(name, restoreError ?? "TorchSharp-cpu was not restored");
        try
        {
            NativeAssets.Process.Register(restored, TextWriter.Null);
            NativeAssets.Process.WaitForBackgroundLoads();
            var options = ScriptOptions.Default
                .AddImports("System", "System.Linq")
                .AddReferences(typeof(Enumerable).Assembly)
                .AddReferences(restored.Assemblies.Select(p => MetadataReference.CreateFromFile(p)));
            var answer = CSharpScript.EvaluateAsync<string>(Probe, options).GetAwaiter().GetResult();
            var loaded = NativeAssets.Process.LoadedLibTorchSharp;
            var from = loaded is null ? "" : $" from {loaded}";
            return DoctorCheck.Ok(name, $"{Package.Id} {Package.Version}{from}; manual_seed(0), rand(2,3) = {answer}");
        }
        catch (Exception e)
        {
            var inner = e is CompilationErrorException ? e : e.GetBaseException();
            var line = inner.Message.Split('\n')[0].Trim();
            return DoctorCheck.Fail(name, $"{inner.GetType().Name}: {line}");
        }
    }
}
