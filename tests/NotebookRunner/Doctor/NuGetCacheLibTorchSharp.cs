using NotebookRunner.Native;

namespace NotebookRunner.Doctor;

/// <summary>
/// The NuGet global packages copy of libLibTorchSharp.so, which VS Code Polyglot Notebooks loads. `doctor --fix`
/// patches it in place (the same weak-flag patch the runner applies to its private copy), keeping the original
/// beside it as libLibTorchSharp.so.orig. Also covers a "cpu" folder TorchSharp may have consolidated next to
/// TorchSharp.dll, since TorchSharp never refreshes files that already exist there.
/// </summary>
public static class NuGetCacheLibTorchSharp
{
    public static readonly string TorchSharpVersion = PinnedVersions.TorchSharp;

    /// <summary>The package's file: from the restore when it ran, else NUGET_PACKAGES or ~/.nuget/packages.</summary>
    public static string Locate(IReadOnlyList<string>? restoredNatives)
    {
        var restored = restoredNatives?.FirstOrDefault(p => Path.GetFileName(p) == TorchSharpNativeLoader.LibTorchSharpFileName);
        if (restored is not null) return restored;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrWhiteSpace(packages))
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "torchsharp", TorchSharpVersion, "runtimes", "linux-x64", "native", TorchSharpNativeLoader.LibTorchSharpFileName);
    }

    /// <summary>libLibTorchSharp.so copies TorchSharp consolidated into lib/*/cpu of its package folder.</summary>
    public static IReadOnlyList<string> ConsolidatedCopies(string packageLibrary)
    {
        // .../torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so -> .../torchsharp/0.107.0/lib
        var packageRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(packageLibrary)!, "..", "..", ".."));
        var lib = Path.Combine(packageRoot, "lib");
        if (!Directory.Exists(lib)) return [];
        return Directory.GetDirectories(lib)
            .Select(d => Path.Combine(d, "cpu", TorchSharpNativeLoader.LibTorchSharpFileName))
            .Where(File.Exists).ToList();
    }

    public static DoctorCheck Check(string library, bool fix)
    {
        const string name = "NuGet cache libLibTorchSharp.so";
        if (!File.Exists(library)) return DoctorCheck.Warn(name, $"{library} not found (TorchSharp-cpu {TorchSharpVersion} not restored)");
        var needsPatch = OperatingSystem.IsLinux() && !LibStdCxxProbe.Current.DefinesRequiredVersion;
        var copies = new[] { library }.Concat(ConsolidatedCopies(library)).ToList();
        var details = new List<string>();
        var unpatched = new List<string>();
        foreach (var copy in copies)
        {
            var state = GlibcxxVersionPatch.Inspect(copy);
            if (state == GlibcxxVersionPatch.State.Required && needsPatch && fix)
            {
                PatchInPlace(copy);
                details.Add($"patched {copy} (undo: mv {copy}.orig {copy})");
            }
            else if (state == GlibcxxVersionPatch.State.Required && needsPatch)
            {
                unpatched.Add(copy);
            }
            else if (state == GlibcxxVersionPatch.State.Patched)
            {
                details.Add(File.Exists(copy + ".orig")
                    ? $"{copy} is patched (undo: mv {copy}.orig {copy})"
                    : $"{copy} is patched");
            }
            else
            {
                details.Add(state == GlibcxxVersionPatch.State.NotRequired
                    ? $"{copy} does not need {GlibcxxVersionPatch.Version}"
                    : $"{copy} needs no patch (system libstdc++ has {GlibcxxVersionPatch.Version})");
            }
        }
        if (unpatched.Count > 0)
            return DoctorCheck.Warn(name, $"{string.Join(", ", unpatched)} not patched: VS Code Polyglot Notebooks cannot load TorchSharp " +
                "on this machine (the runner can); run 'doctor --fix' to patch it in place, keeping the original as .orig");
        return DoctorCheck.Ok(name, string.Join("; ", details));
    }

    /// <summary>Keeps the first original as .orig, then swaps in a patched file atomically.</summary>
    private static void PatchInPlace(string library)
    {
        var original = library + ".orig";
        if (!File.Exists(original)) File.Copy(library, original);
        var temporary = library + "." + Environment.ProcessId + ".tmp";
        File.Copy(library, temporary, overwrite: true);
        GlibcxxVersionPatch.Apply(temporary);
        File.Move(temporary, library, overwrite: true);
    }
}
