using System.CommandLine;
using NotebookRunner.Jupyter;

namespace NotebookRunner.Cli;

/// <summary>
/// `kernel install [--name NAME] [--replace]`, `kernel uninstall [--name NAME]`, and `kernel CONNECTION_FILE`
/// (what Jupyter runs, from the kernelspec's argv).
/// </summary>
public sealed class KernelCommand : ISubcommand
{
    public int Order => 4;

    public Command Create()
    {
        var connectionFile = new Argument<string>("CONNECTION_FILE") { Description = "The connection file Jupyter writes for the kernel." };
        var command = new Command("kernel", "Serve as a Jupyter kernel (Jupyter runs this), or install/uninstall its kernelspec.") { connectionFile };
        command.SetAction(result => KernelServer.Serve(result.GetValue(connectionFile)!, result.InvocationConfiguration.Error));

        var installName = NameOption();
        var replace = new Option<bool>("--replace") { Description = "Replace a kernelspec of that name that is not ours (it is moved aside, and uninstall puts it back)." };
        var install = new Command("install", "Copy the kernel into the Jupyter data directory ($JUPYTER_DATA_DIR or the platform's) and write its kernelspec there; again to update it.") { installName, replace };
        install.SetAction(result => KernelSpec.Install(result.GetValue(installName)!, result.GetValue(replace),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));

        var uninstallName = NameOption();
        var uninstall = new Command("uninstall", "Remove our kernelspec and the kernel copy it starts (never another kernelspec).") { uninstallName };
        uninstall.SetAction(result => KernelSpec.Uninstall(result.GetValue(uninstallName)!,
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));

        command.Subcommands.Add(install);
        command.Subcommands.Add(uninstall);
        return command;
    }

    private static Option<string> NameOption()
    {
        var name = new Option<string>("--name")
        {
            Description = $"The kernelspec's name (default {KernelSpec.DefaultName}, the one the notebooks ask for).",
            DefaultValueFactory = _ => KernelSpec.DefaultName,
        };
        name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value.Length == 0 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                result.AddError($"--name '{value}': a kernelspec name is letters, digits, '.', '_' or '-'");
        });
        return name;
    }
}
