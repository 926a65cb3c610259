namespace NotebookRunner.Cli;

public static class Usage
{
    public const string Run = "run PATH... [-o OUT] [-p NAME VALUE]... [--report FILE] [--timeout SECONDS] [--cwd DIR] [--inplace]";

    public const string Text = """
        NotebookRunner: execute C# Polyglot notebooks headlessly, papermill-style.

          run PATH... [-o OUT] [-p NAME VALUE]... [--report FILE] [--timeout SECONDS] [--cwd DIR] [--inplace]
              PATH is a notebook or a folder of them (file-name order, a fresh script state each).
              Executed copies go to artifacts/executed/ unless -o (a file for one notebook, a folder for several)
              or --inplace. -p sets a parameter declared in the cell tagged `parameters`.
          describe NOTEBOOK      list the notebook's parameters: name, type, default
          doctor [--fix]         check the environment (SDK, TorchSharp native load, libstdc++, CUDA, cache)

        Exit codes: 0 all cells ran, 1 a cell failed or timed out, 2 bad usage or unreadable notebook.
        """;
}
