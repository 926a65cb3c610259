namespace NotebookRunner.Export;

/// <summary>
/// The runner's own source files an exported app includes with `#:include`, so the app and the runner share one
/// copy of the parameter rules, the display rules and the native-library remedy. Each of these files depends only
/// on the others listed here (and on the packages every app references), which keeps them includable.
/// </summary>
public sealed class RunnerSources(string directory)
{
    public static readonly IReadOnlyList<string> AppFiles =
    [
        "Export/App/NotebookApp.cs",
        "Export/App/AppArguments.cs",
        "Export/App/AppNativeLibraries.cs",
        "Execution/FormattedOutput.cs",
        "Execution/PolyglotFormatterSetup.cs",
        "Parameters/ParameterDeclaration.cs",
        "Parameters/ParameterException.cs",
        "Parameters/ParameterRequests.cs",
        "Parameters/ParameterTypes.cs",
        "Parameters/ParameterValueConverter.cs",
        "Native/ElfReader.cs",
        "Native/GlibcxxVersionPatch.cs",
        "Native/LibStdCxxProbe.cs",
        "Native/NativeLibraryResolver.cs",
        "Native/TorchSharpNativeLoader.cs",
        "Packages/RestoreCacheLocation.cs",
    ];

    /// <summary>The runner's source folder (tests/NotebookRunner).</summary>
    public string Directory { get; } = directory;

    public IEnumerable<string> Files => AppFiles.Select(f => Path.Combine(Directory, f));

    /// <summary>The source folder above the running runner (bin/… of the runner or of a test project beside it).</summary>
    public static RunnerSources Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            foreach (var candidate in new[] { dir.FullName, Path.Combine(dir.FullName, "NotebookRunner"), Path.Combine(dir.FullName, "tests", "NotebookRunner") })
                if (File.Exists(Path.Combine(candidate, "NotebookRunner.csproj")) && AppFiles.All(f => File.Exists(Path.Combine(candidate, f))))
                    return new RunnerSources(candidate);
        throw new ExportException(
            $"export: the runner's source folder (tests/NotebookRunner) is not above {AppContext.BaseDirectory}; run export from a clone of the repository");
    }
}
