using System.CommandLine;

namespace NotebookRunner.Cli;

/// <summary>
/// A subcommand of the runner (`run`, `describe`, `doctor`, ...). Every implementation in this assembly is found
/// and added to the command line, so a new subcommand is one new file.
/// </summary>
public interface ISubcommand
{
    /// <summary>Where the subcommand is listed in `--help`, smallest first.</summary>
    int Order { get; }

    /// <summary>The definition (name, arguments, options, description) with its action set.</summary>
    Command Create();
}
