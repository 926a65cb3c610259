namespace NotebookRunner.Export.App;

/// <summary>The command line of an exported notebook app: `[-p NAME VALUE]... [--figures DIR]`.</summary>
public sealed record AppArguments(IReadOnlyList<(string Name, string Value)> Parameters, string? Figures)
{
    public const string Usage = "usage: dotnet run APP.cs -- [-p NAME VALUE]... [--figures DIR]";

    /// <summary>Throws <see cref="AppUsageException"/> with one line for anything it does not understand.</summary>
    public static AppArguments Parse(IReadOnlyList<string> args)
    {
        var parameters = new List<(string, string)>();
        string? figures = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-p" or "--parameter" when i + 2 < args.Count:
                    parameters.Add((args[i + 1], args[i + 2]));
                    i += 2;
                    break;
                case "-p" or "--parameter":
                    throw new AppUsageException($"{args[i]} needs a name and a value (-p seed 7); {Usage}");
                case "--figures" when i + 1 < args.Count && args[i + 1].Length > 0:
                    figures = args[++i];
                    break;
                case "--figures":
                    throw new AppUsageException($"--figures needs a folder; {Usage}");
                default:
                    throw new AppUsageException($"unknown argument '{args[i]}'; {Usage}");
            }
        }
        return new AppArguments(parameters, figures);
    }
}

/// <summary>A command line an app cannot follow: reported as one line, exit code 2.</summary>
public sealed class AppUsageException(string message) : Exception(message);
