using System.CommandLine;
using NotebookRunner.Doctor;

namespace NotebookRunner.Cli;

/// <summary>`doctor [--fix]`: the definition; the environment report itself is in Doctor/.</summary>
public sealed class DoctorDispatch : ISubcommand
{
    public int Order => 3;

    public Command Create()
    {
        var fix = new Option<bool>("--fix")
        {
            Description = "Patch the NuGet cache copy of libLibTorchSharp.so for VS Code Polyglot Notebooks, keeping the original as .orig.",
        };
        var command = new Command("doctor", "Check the environment (SDK, TorchSharp native load, libstdc++, CUDA, cache).") { fix };
        command.SetAction(result => DoctorCommand.Run(result.GetValue(fix), result.InvocationConfiguration.Output));
        return command;
    }
}
