namespace NotebookRunner;
public static class T
{
    static readonly TextWriter W = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
    static readonly bool On = Environment.GetEnvironmentVariable("TRACE_T") is not null;
    public static void M(string what)
    {
        if (!On) return;
        var since = TimeSpan.FromTicks(System.Diagnostics.Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);
        W.WriteLine($"T {since.TotalMilliseconds % 100000:0.00} {what}");
    }
}
