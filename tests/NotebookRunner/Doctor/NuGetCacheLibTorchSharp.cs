using NotebookRunner.Native;

namespace NotebookRunner.Doctor;

/// <summary>
/// The NuGet packages folder's libLibTorchSharp.so, which Microsoft's kernel (Polyglot, Jupyter, dotnet-repl) loads.
/// Where the system libstdc++ lacks GLIBCXX_3.4.32, `doctor --fix` patches it in place (the same weak-flag patch the
/// runner applies to its private copy), keeping the original beside it as libLibTorchSharp.so.orig.
/// </summary>
public static class NuGetCacheLibTorchSharp
{
    public const string Name = "NuGet cache libLibTorchSharp.so";

    public static DoctorCheck Check(TorchSharpPackageLayout layout, bool fix, UndoCommand undo)
    {
        var library = layout.LibTorchSharp;
        if (!File.Exists(library)) return DoctorCheck.Warn(Name, $"{library} not found (TorchSharp {TorchSharpPackageLayout.Version} not restored there)");
        var needsPatch = OperatingSystem.IsLinux() && !LibStdCxxProbe.Current.DefinesRequiredVersion;
        var original = library + ".orig";
        switch (GlibcxxVersionPatch.Inspect(library))
        {
            case GlibcxxVersionPatch.State.Required when needsPatch && fix:
                PatchInPlace(library);
                undo.Restore(original, library);
                return DoctorCheck.Ok(Name, $"patched {library} (its need for {GlibcxxVersionPatch.Version} is now weak; original kept as {Path.GetFileName(original)})");
            case GlibcxxVersionPatch.State.Required when needsPatch:
                return DoctorCheck.Warn(Name, $"{library} needs {GlibcxxVersionPatch.Version}, which this libstdc++ lacks: Microsoft's kernel " +
                    "cannot load TorchSharp (the runner can); run 'doctor --fix' to patch it in place, keeping the original as .orig");
            case GlibcxxVersionPatch.State.Patched:
                if (File.Exists(original)) undo.Restore(original, library);
                return DoctorCheck.Ok(Name, $"{library} is patched ({GlibcxxVersionPatch.Version} weak)");
            case GlibcxxVersionPatch.State.NotRequired:
                return DoctorCheck.Ok(Name, $"{library} does not need {GlibcxxVersionPatch.Version}");
            default:
                return DoctorCheck.Ok(Name, $"{library} needs no patch (system libstdc++ has {GlibcxxVersionPatch.Version})");
        }
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
