using NotebookRunner.Native;

namespace NotebookRunner.Doctor;

/// <summary>Whether the system libstdc++ defines GLIBCXX_3.4.32, which TorchSharp 0.107.0 asks for.</summary>
public static class LibStdCxxCheck
{
    public static DoctorCheck Run()
    {
        const string name = "libstdc++";
        if (!OperatingSystem.IsLinux()) return DoctorCheck.Ok(name, "not Linux; nothing to check");
        var info = LibStdCxxProbe.Current;
        if (info.Path is null) return DoctorCheck.Warn(name, "libstdc++.so.6 not found (neither in /usr/lib nor via ldconfig -p)");
        var resolved = Path.GetFullPath(new FileInfo(info.Path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.Path);
        return info.DefinesRequiredVersion
            ? DoctorCheck.Ok(name, $"{resolved} defines {GlibcxxVersionPatch.Version}")
            : DoctorCheck.Warn(name, $"{resolved} lacks {GlibcxxVersionPatch.Version} (newest {info.NewestGlibcxx ?? "unknown"}); " +
                "the runner loads a patched copy of libLibTorchSharp.so instead");
    }
}
