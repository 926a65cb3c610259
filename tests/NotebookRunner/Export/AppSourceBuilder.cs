using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;

namespace NotebookRunner.Export;

/// <summary>
/// The text of one notebook's app: file-based app directives, the notebook's cells in order (jupytext percent
/// format), and the notebook's types at the end. Parameters are read with the runner's rules by the included
/// NotebookApp, which also shows values as the notebook does and applies the runner's native-library remedy.
/// </summary>
public static class AppSourceBuilder
{
    /// <summary>Properties that keep the app's stdout to what the notebook shows: no compiler or restore warnings.</summary>
    public static readonly IReadOnlyList<string> Properties =
    [
        // The repository manages package versions centrally; an app names its own (it must also run on its own).
        "ManagePackageVersionsCentrally=false",
        // Notebook code is compiled without nullable analysis, as Polyglot compiles it.
        "Nullable=disable",
        // `dotnet run app.cs` prints compiler warnings on stdout, before the app's output.
        "WarningLevel=0",
        "TreatWarningsAsErrors=false",
        "NoWarn=$(NoWarn);CS1701;CS1702;CS8632;NU1603;NU1701;IL2026;IL3050",
        "NuGetAudit=false",
        // Formatting and TorchSharp use reflection; file-based apps default to native AOT publishing.
        "PublishAot=false",
    ];

    public static string Build(NotebookDocument notebook, string notebookPath, string appPath, RunnerSources runner, Func<string, ConvertedScript?> loadScript, out IReadOnlyList<ExportProblem> problems)
    {
        var appDirectory = Path.GetDirectoryName(Path.GetFullPath(appPath))!;
        var shownNotebook = Relative(appDirectory, notebookPath);
        var parts = new AppParts(notebookPath);
        var notebookDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var declarations = ParameterCellParser.Parse(notebook);

        var body = new List<string>();
        var cells = notebook.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var number = i + 1;
            if (cell.HasTag(ParameterInjector.InjectedTag)) continue; // what an earlier `run -p` put there, not the notebook
            body.Add("");
            if (!cell.IsCode)
            {
                body.Add(PercentFormat.Marker(cell.CellType));
                body.AddRange(PercentFormat.Commented(cell.Source));
                continue;
            }
            var isParameters = cell.HasTag(ParameterCellParser.ParametersTag) && ReferenceEquals(cell.Json, ParameterCellParser.FindParametersCell(notebook)?.Json);
            body.Add(isParameters ? PercentFormat.CodeMarker + " tags=[\"parameters\"]" : PercentFormat.CodeMarker);
            body.AddRange(PercentFormat.Lines(CodeCellTranslator.Translate(cell, number, notebookDirectory, parts, loadScript)));
            if (isParameters) body.AddRange(ParameterLines(declarations, number, parts));
        }

        parts.CheckNestedNames();
        var lines = new List<string>
        {
            $"// {Path.GetFileName(appPath)}: {shownNotebook} as a .NET file-based app, {NotebookExporter.Signature};",
            "// edit the notebook and export it again rather than this file. Run it from this folder with",
            $"//     dotnet run {Path.GetFileName(appPath)} -- [-p NAME VALUE]... [--figures DIR]",
            "// It prints what the notebook's outputs show as text and saves each picture as a PNG (`figure: PATH` lines).",
        };
        parts.AddPackage("Microsoft.DotNet.Interactive.Formatting", FormattingVersion());
        lines.AddRange(parts.Packages.Select(p => $"#:package {p.Id}@{p.Version}"));
        lines.AddRange(Properties.Select(p => $"#:property {p}"));
        lines.AddRange(parts.Scripts.Select(s => $"#:include {Relative(appDirectory, Path.Combine(appDirectory, s.Converted.FileName))}"));
        lines.AddRange(runner.Files.Select(f => $"#:include {Relative(appDirectory, f)}"));
        lines.Add("");
        lines.AddRange(parts.Usings);
        lines.AddRange(parts.Scripts.Select(s => $"using static {s.Converted.ClassName};"));
        lines.Add("");
        lines.Add("// -p NAME VALUE sets a variable of the parameters cell, with the runner's types and rules.");
        lines.Add($"var notebook = NotebookRunner.Export.App.NotebookApp.Start(args, \"{Path.GetFileName(appPath)}\", [{string.Join(", ", declarations.Select(Declaration))}]);");
        lines.Add("void display(object value, params string[] mimeTypes) => notebook.Display(value, mimeTypes);");
        lines.AddRange(body);
        foreach (var type in parts.Types)
        {
            lines.Add("");
            lines.Add(type);
        }
        problems = parts.Problems;
        return string.Join('\n', lines) + "\n";
    }

    private static IEnumerable<string> ParameterLines(IReadOnlyList<ParameterDeclaration> declarations, int number, AppParts parts)
    {
        foreach (var d in declarations)
        {
            if (d.IsConst)
                parts.Problem(number, $"parameter '{d.Name}' is a const, which an app cannot set at run time; declare it with var");
            else
                yield return $"notebook.Parameter(\"{d.Name}\", ref {d.Name});";
        }
    }

    private static string Declaration(ParameterDeclaration d) =>
        $"new NotebookRunner.Parameters.ParameterDeclaration({CSharpParameterTranslator.Literal(d.Name)}, {CSharpParameterTranslator.Literal(d.Type)}, {CSharpParameterTranslator.Literal(d.Default)})";

    /// <summary>The Formatting package the runner itself uses, so apps format values as `run` does.</summary>
    public static string FormattingVersion()
    {
        var informational = typeof(Formatter).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().First().InformationalVersion;
        return informational.Split('+')[0];
    }

    public static string Relative(string fromDirectory, string path) =>
        Path.GetRelativePath(fromDirectory, Path.GetFullPath(path)).Replace('\\', '/');
}
