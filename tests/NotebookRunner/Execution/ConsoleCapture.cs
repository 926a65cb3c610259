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

    /// <summary>
    /// Redirects Console.Out/Error into cell outputs and gives cells an empty stdin; disposing restores the
    /// original writers. Call <see cref="Installed.Apply"/> before each cell: a cell may have replaced them.
    /// </summary>
    public static Installed Install()
    {
        var installed = new Installed(Console.Out, Console.Error, EmptyStdin.Install());
        installed.Apply();
        return installed;
    }

    public sealed class Installed(TextWriter originalOut, TextWriter originalError, EmptyStdin? emptyStdin) : IDisposable
    {
        private readonly TextWriter _out = Synchronized(new ConsoleCapture("stdout"));
        private readonly TextWriter _error = Synchronized(new ConsoleCapture("stderr"));

        /// <summary>Puts the capture back if a cell called Console.SetOut/SetError/SetIn, so later cells' output is kept.</summary>
        public void Apply()
        {
            if (!ReferenceEquals(Console.Out, _out)) Console.SetOut(_out);
            if (!ReferenceEquals(Console.Error, _error)) Console.SetError(_error);
            // The runner's own stdin is not the cells' to read (a CI job's pipe, a terminal): they see end of input.
            Console.SetIn(TextReader.Null);
        }

        public void Dispose()
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            emptyStdin?.Dispose();
        }
    }
}
