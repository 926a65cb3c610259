using System.Text;

namespace NotebookRunner.Execution;

/// <summary>A TextWriter that turns Console writes into `stream` outputs of the running cell.</summary>
public sealed class ConsoleCapture(string streamName) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => CellOutputs.AddStream(streamName, value.ToString());

    public override void Write(string? value) => CellOutputs.AddStream(streamName, value ?? "");

    public override void Write(char[] buffer, int index, int count) => CellOutputs.AddStream(streamName, new string(buffer, index, count));

    public override void WriteLine(string? value) => CellOutputs.AddStream(streamName, (value ?? "") + "\n");

    /// <summary>Redirects Console.Out/Error into cell outputs; returns the original writers' restorer.</summary>
    public static IDisposable Install()
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Synchronized(new ConsoleCapture("stdout")));
        Console.SetError(TextWriter.Synchronized(new ConsoleCapture("stderr")));
        return new Restorer(() => { Console.SetOut(stdout); Console.SetError(stderr); });
    }

    private sealed class Restorer(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
