using System.Text;

namespace NotebookRunner.Execution;

/// <summary>A TextWriter that turns Console writes into `stream` outputs of a session's running cell.</summary>
public sealed class ConsoleCapture(CellOutputs outputs, string streamName) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => outputs.AddStream(streamName, value.ToString());

    public override void Write(string? value) => outputs.AddStream(streamName, value ?? "");

    public override void Write(char[] buffer, int index, int count) => outputs.AddStream(streamName, new string(buffer, index, count));

    public override void WriteLine(string? value) => outputs.AddStream(streamName, (value ?? "") + "\n");

    /// <summary>
    /// Redirects Console.Out/Error into the outputs and gives cells <paramref name="stdin"/> as Console.In, with the
    /// process's descriptor 0 on /dev/null; disposing restores what was there. The console is the process's, so the
    /// session calls <see cref="Installed.Apply"/> before each cell: a cell may have replaced the writers.
    /// </summary>
    public static Installed Install(CellOutputs outputs, TextReader stdin)
    {
        var installed = new Installed(outputs, stdin, Console.Out, Console.Error, Console.In, EmptyStdin.Install());
        installed.Apply();
        return installed;
    }

    public sealed class Installed(CellOutputs outputs, TextReader stdin, TextWriter originalOut, TextWriter originalError,
        TextReader originalIn, EmptyStdin? emptyStdin) : IDisposable
    {
        private readonly TextWriter _out = Synchronized(new ConsoleCapture(outputs, "stdout"));
        private readonly TextWriter _error = Synchronized(new ConsoleCapture(outputs, "stderr"));

        /// <summary>Puts the capture back if a cell called Console.SetOut/SetError/SetIn, so later cells' output is kept.</summary>
        public void Apply()
        {
            if (!ReferenceEquals(Console.Out, _out)) Console.SetOut(_out);
            if (!ReferenceEquals(Console.Error, _error)) Console.SetError(_error);
            Console.SetIn(stdin);
        }

        public void Dispose()
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Console.SetIn(originalIn);
            emptyStdin?.Dispose();
        }
    }
}
