using NotebookRunner.Notebooks;

namespace NotebookRunner.Export;

/// <summary>
/// `export`: each notebook becomes DIR/&lt;stem&gt;.cs, and each .csx the notebooks `#load` becomes DIR/&lt;stem&gt;.cs
/// beside them, included by the apps. A notebook with something an app cannot reproduce gets one line per problem
/// and no app; a file in DIR that export did not write is never overwritten.
/// </summary>
public sealed class NotebookExporter(RunnerSources runner, string outputDirectory, TextWriter stdout, TextWriter stderr)
{
    public const string DefaultOutputDirectory = "notebooks/apps";

    /// <summary>Every file export writes says so in its first line; only such files may be replaced.</summary>
    public const string Signature = "made by the notebook runner's `export`";

    private readonly Dictionary<string, ConvertedScript> _scripts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _writtenScripts = new(StringComparer.Ordinal);

    /// <summary>True when every notebook became an app.</summary>
    public bool Export(IReadOnlyList<string> notebookPaths)
    {
        if (File.Exists(outputDirectory))
            throw new ExportException($"-o {outputDirectory}: is a file; give a folder for the apps");
        var ok = true;
        foreach (var path in notebookPaths)
        {
            var notebook = NotebookReader.Read(path);
            var appPath = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(path) + ".cs");
            var problems = new List<ExportProblem>();
            var text = AppSourceBuilder.Build(notebook, path, appPath, runner, script => LoadScript(script, problems), out var cellProblems);
            problems.InsertRange(0, cellProblems);
            if (problems.Count > 0)
            {
                foreach (var problem in problems) stderr.WriteLine(problem);
                stderr.WriteLine($"{path}: no app written; fix the lines above and export again");
                ok = false;
                continue;
            }
            foreach (var script in UsedScripts(text).Where(s => _writtenScripts.Add(s.FileName)))
                ok &= Write(Path.Combine(outputDirectory, script.FileName), script.Text);
            ok &= Write(appPath, text);
        }
        return ok;
    }

    private IEnumerable<ConvertedScript> UsedScripts(string appText) =>
        _scripts.Values.Where(s => appText.Contains($"#:include {s.FileName}\n", StringComparison.Ordinal));

    private ConvertedScript? LoadScript(string scriptPath, List<ExportProblem> problems)
    {
        if (_scripts.TryGetValue(scriptPath, out var converted)) return converted;
        var scriptProblems = new List<ExportProblem>();
        var shown = AppSourceBuilder.Relative(Environment.CurrentDirectory, scriptPath);
        var fileName = Path.GetFileNameWithoutExtension(scriptPath) + ".cs";
        var header = $"// {fileName}: {AppSourceBuilder.Relative(Path.GetFullPath(outputDirectory), scriptPath)} as a file apps can include, {Signature};\n" +
                     "// edit the script and export again rather than this file.";
        converted = ScriptIncludeConverter.Convert(scriptPath, shown, header, scriptProblems);
        problems.AddRange(scriptProblems);
        if (scriptProblems.Count > 0) return null;
        return _scripts[scriptPath] = converted;
    }

    private bool Write(string path, string text)
    {
        if (File.Exists(path))
        {
            var first = File.ReadLines(path).FirstOrDefault() ?? "";
            if (!first.Contains(Signature, StringComparison.Ordinal) && !File.ReadLines(path).Take(2).Any(l => l.Contains(Signature, StringComparison.Ordinal)))
            {
                stderr.WriteLine($"{path}: exists and was not written by export; move it away or choose another -o folder");
                return false;
            }
            if (File.ReadAllText(path) == text)
            {
                stdout.WriteLine($"{path}: up to date");
                return true;
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
        stdout.WriteLine($"{path}: written");
        return true;
    }
}
