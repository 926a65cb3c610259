using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Execution;
using NotebookRunner.Parameters;

namespace NotebookRunner.Export.App;

/// <summary>
/// What an exported notebook app does around its cells: reads `-p` with the runner's parameter rules (before any
/// cell runs), applies the runner's native-library remedy, and shows displayed values and cell results as the
/// notebook does: the text of a value on stdout, a picture saved as a PNG and named on its own line.
/// </summary>
public sealed class NotebookApp
{
    public const string FigureLinePrefix = "figure: ";

    private readonly IReadOnlyDictionary<string, object> _values;
    private readonly string _figures;
    private readonly string _stem;
    private int _figureCount;

    private NotebookApp(IReadOnlyDictionary<string, object> values, string figures, string stem)
    {
        _values = values;
        _figures = figures;
        _stem = stem;
    }

    /// <summary>Bad arguments or parameter values: one line on stderr, exit code 2, before anything runs.</summary>
    public static NotebookApp Start(string[] args, string notebookPath, IReadOnlyList<ParameterDeclaration> parameters)
    {
        try
        {
            var parsed = AppArguments.Parse(args);
            var values = ParameterRequests.Convert(notebookPath, parameters, parsed.Parameters).ToDictionary(p => p.Name, p => p.Value);
            AppNativeLibraries.Load(Console.Error);
            PolyglotFormatterSetup.Apply();
            return new NotebookApp(values, parsed.Figures ?? DefaultFigures(), Path.GetFileNameWithoutExtension(notebookPath));
        }
        catch (Exception e) when (e is AppUsageException or ParameterException)
        {
            Console.Error.WriteLine(e.Message);
            Environment.Exit(2);
            throw;
        }
    }

    /// <summary>figures/ beside the app's source (`dotnet run` says where that is), else in the current directory.</summary>
    private static string DefaultFigures() =>
        Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "figures");

    /// <summary>Replaces a parameters cell variable with its `-p` value, if one was given.</summary>
    public void Parameter<T>(string name, ref T variable)
    {
        if (_values.TryGetValue(name, out var value)) variable = (T)value;
    }

    /// <summary>The notebook's `display(value)`, and a cell's result: the value's preferred (or the given) mime types.</summary>
    public void Display(object? value, params string[] mimeTypes)
    {
        var formatted = FormattedOutput.Format(value, mimeTypes);
        var png = formatted.FirstOrDefault(f => f.MimeType == "image/png").Value;
        if (png is not null)
        {
            Directory.CreateDirectory(_figures);
            var path = Path.Combine(_figures, $"{_stem}-{++_figureCount}.png");
            File.WriteAllBytes(path, Convert.FromBase64String(png));
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path));
            Console.WriteLine(FigureLinePrefix + (relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative));
            return;
        }
        // A value the notebook shows as HTML (a number, say) prints as the same value's plain text.
        var text = formatted.FirstOrDefault(f => f.MimeType == PlainTextFormatter.MimeType).Value ?? value.ToDisplayString(PlainTextFormatter.MimeType);
        Console.WriteLine(text);
    }
}
