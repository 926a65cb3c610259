using System.Globalization;

namespace NotebookRunner.Cli;

/// <summary>The parsed arguments of `run PATH... [-o OUT] [-p NAME VALUE]... [--report FILE] [--timeout S] [--cwd DIR] [--inplace]`.</summary>
public sealed record RunArguments(
    IReadOnlyList<string> Paths,
    string? Output,
    IReadOnlyList<(string Name, string Value)> Parameters,
    string? Report,
    TimeSpan? Timeout,
    string? WorkingDirectory,
    bool InPlace)
{
    public static RunArguments Parse(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        var parameters = new List<(string, string)>();
        string? output = null, report = null, cwd = null;
        TimeSpan? timeout = null;
        var inPlace = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Next(string option) =>
                i + 1 < args.Count ? args[++i] : throw new UsageException($"{option} needs a value; see `run --help`");
            switch (args[i])
            {
                case "-o" or "--output": output = Next(args[i]); break;
                case "--report": report = Next(args[i]); break;
                case "--cwd": cwd = Next(args[i]); break;
                case "--inplace": inPlace = true; break;
                case "-p" or "--parameter":
                    if (i + 2 >= args.Count) throw new UsageException("-p needs a name and a value: -p NAME VALUE");
                    parameters.Add((args[i + 1], args[i + 2]));
                    i += 2;
                    break;
                case "--timeout":
                    var text = Next(args[i]);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0))
                        throw new UsageException($"--timeout '{text}' is not a positive number of seconds");
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    if (args[i].StartsWith('-') && args[i].Length > 1)
                        throw new UsageException($"unknown option '{args[i]}'; usage: {Usage.Run}");
                    paths.Add(args[i]);
                    break;
            }
        }
        if (paths.Count == 0) throw new UsageException($"run needs a notebook or a folder; usage: {Usage.Run}");
        if (inPlace && output is not null) throw new UsageException("use either -o or --inplace, not both");
        if (cwd is not null && !Directory.Exists(cwd)) throw new UsageException($"--cwd {cwd}: folder not found");
        return new RunArguments(paths, output, parameters, report, timeout, cwd is null ? null : Path.GetFullPath(cwd), inPlace);
    }
}
