using System.Globalization;

namespace NotebookRunner.Cli;

/// <summary>
/// `--timeout SECONDS`: a positive number of seconds that a timer can wait, from 1 ms to int.MaxValue ms
/// (about 24.8 days; Thread.Join and CancellationTokenSource accept no more).
/// </summary>
public static class TimeoutValue
{
    public static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(int.MaxValue);

    public static TimeSpan? Parse(string text, out string? problem)
    {
        problem = null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0))
            problem = $"--timeout '{text}' is not a positive number of seconds";
        else if (seconds < 0.001)
            problem = $"--timeout '{text}' is shorter than a millisecond; give at least 0.001 seconds";
        else if (seconds > Longest.TotalSeconds)
            problem = $"--timeout '{text}' is longer than the longest wait a timer accepts ({Math.Floor(Longest.TotalSeconds):0} seconds, about 24.8 days); leave --timeout out for no limit";
        return problem is null ? TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)) : null;
    }
}
