namespace NotebookRunner.Doctor;

/// <summary>
/// TorchSharp's first native load asks for "torch_cpu" and "LibTorchSharp" by name relative to TorchSharp.dll
/// (NativeLibrary.TryLoad(name, assembly, null)). .NET searches the assembly's folder before the system library
/// path, but the package keeps libtorch elsewhere, so Microsoft's kernel finds a system libtorch first (Debian's
/// python3-torch: libtorch 1.13 in /usr/lib/x86_64-linux-gnu), or nothing, and TorchSharp then copies all of libtorch
/// into lib/net8.0/cpu. `doctor --fix` puts relative symlinks to the libtorch package's libraries and to
/// libLibTorchSharp.so next to TorchSharp.dll: the first load finds them, and their $ORIGIN (the links' folder)
/// resolves libc10.so, libtorch.so and libgomp there too. Nothing is copied; `rm` of the links undoes it.
/// </summary>
public static class TorchSharpLinks
{
    public const string Name = "NuGet cache TorchSharp links";

    public sealed record Link(string Path, string Target);

    /// <summary>The links the fix makes: in each lib/&lt;tfm&gt;, one per libtorch library and one to libLibTorchSharp.so.</summary>
    public static IReadOnlyList<Link> Expected(TorchSharpPackageLayout layout)
    {
        var libTorch = layout.LibTorchNativeFolder;
        if (libTorch is null) return [];
        var targets = Directory.GetFiles(libTorch).Where(IsSharedLibrary).Append(layout.LibTorchSharp).Order(StringComparer.Ordinal).ToList();
        return layout.AssemblyFolders
            .SelectMany(folder => targets.Select(t => new Link(Path.Combine(folder, Path.GetFileName(t)), Path.GetRelativePath(folder, t))))
            .ToList();
    }

    public static DoctorCheck Check(TorchSharpPackageLayout layout, bool fix, UndoCommand undo)
    {
        if (!OperatingSystem.IsLinux()) return DoctorCheck.Ok(Name, "not Linux; nothing to link");
        if (!layout.IsRestored) return DoctorCheck.Warn(Name, $"TorchSharp {TorchSharpPackageLayout.Version} is not in {layout.PackagesFolder}");
        var links = Expected(layout);
        if (links.Count == 0)
            return DoctorCheck.Warn(Name, $"libtorch-cpu-linux-x64 {TorchSharpPackageLayout.LibTorchVersion} is not in {layout.PackagesFolder}");

        var foreign = links.Where(l => Exists(l.Path) && !IsOurs(l)).Select(l => l.Path).ToList();
        if (foreign.Count > 0)
            return DoctorCheck.Fail(Name, $"{string.Join(", ", foreign)} already exist{(foreign.Count == 1 ? "s" : "")} and {(foreign.Count == 1 ? "is not a link" : "are not links")} " +
                "to the libtorch package; doctor leaves them alone: move them away, then run 'doctor --fix'");

        var missing = links.Where(l => !Exists(l.Path)).ToList();
        var folders = string.Join(", ", layout.AssemblyFolders);
        if (missing.Count > 0 && !fix)
            return DoctorCheck.Warn(Name, $"{folders} lacks {missing.Count} of {links.Count} links to libtorch: in Microsoft's kernel (Polyglot, Jupyter, dotnet-repl) TorchSharp's " +
                "first load looks there, then on the system library path, and on failure copies all of libtorch into lib/net8.0/cpu; " +
                "run 'doctor --fix' to link the package's libtorch there");
        foreach (var link in missing) File.CreateSymbolicLink(link.Path, link.Target);
        undo.Remove(links.Select(l => l.Path));
        return missing.Count > 0
            ? DoctorCheck.Ok(Name, $"linked {missing.Count} libraries into {folders} (libtorch {TorchSharpPackageLayout.LibTorchVersion} and {TorchSharpPackageLayout.LibTorchSharpFileName}); TorchSharp's first load finds them there")
            : DoctorCheck.Ok(Name, $"{folders} links libtorch {TorchSharpPackageLayout.LibTorchVersion} and {TorchSharpPackageLayout.LibTorchSharpFileName}; TorchSharp's first load finds them there");
    }

    private static bool IsSharedLibrary(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".so", StringComparison.Ordinal) || name.Contains(".so.", StringComparison.Ordinal);
    }

    private static bool Exists(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static bool IsOurs(Link link) => new FileInfo(link.Path).LinkTarget == link.Target;
}
