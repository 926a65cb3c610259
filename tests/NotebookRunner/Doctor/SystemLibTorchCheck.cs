namespace NotebookRunner.Doctor;

/// <summary>Names a libtorch on the library path that TorchSharp would pick up in Microsoft's kernel.</summary>
public static class SystemLibTorchCheck
{
    public const string Name = "libtorch on the library path";

    /// <param name="linked">Whether TorchSharpLinks are in place, so TorchSharp's first load finds the package's libtorch first.</param>
    public static DoctorCheck Check(IReadOnlyList<SystemLibTorch.Found> found, bool linked)
    {
        if (!OperatingSystem.IsLinux()) return DoctorCheck.Ok(Name, "not Linux; nothing to check");
        if (found.Count == 0) return DoctorCheck.Ok(Name, "none (" + string.Join(", ", SystemLibTorch.FileNames) + " not found)");
        var onLdLibraryPath = found.Where(f => f.OnLdLibraryPath).ToList();
        if (onLdLibraryPath.Count > 0)
            return DoctorCheck.Fail(Name, $"{Describe(onLdLibraryPath)} on LD_LIBRARY_PATH: the loader searches it before any package folder, " +
                "so TorchSharp loads that libtorch's libraries in every engine; remove that folder from LD_LIBRARY_PATH");
        return linked
            ? DoctorCheck.Ok(Name, $"{Describe(found)}; TorchSharp's first load finds the package's libtorch before it (NuGet cache links)")
            : DoctorCheck.Warn(Name, $"{Describe(found)}: in Microsoft's kernel (Polyglot, Jupyter, dotnet-repl) TorchSharp loads it instead of " +
                $"libtorch {TorchSharpPackageLayout.LibTorchVersion} and fails; run 'doctor --fix' (it links the package's libtorch next to TorchSharp.dll)");
    }

    private static string Describe(IReadOnlyList<SystemLibTorch.Found> found) =>
        string.Join(", ", found.Select(f => f.RealFile == Path.GetFileName(f.Path) ? f.Path : $"{f.Path} (-> {f.RealFile})"));
}
