using System.Reflection;

namespace NotebookRunner.Cli;

/// <summary>
/// `doctor [--fix]` runs NotebookRunner.Doctor.DoctorCommand.Run(bool fix, TextWriter output), which lives in
/// Doctor/ (owned separately); found by name so that this file compiles whether or not it is there yet.
/// </summary>
public static class DoctorDispatch
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var fix = args.Contains("--fix");
        if (args.Any(a => a != "--fix")) throw new UsageException("doctor takes only --fix: doctor [--fix]");
        var method = Assembly.GetExecutingAssembly().GetType("NotebookRunner.Doctor.DoctorCommand")
            ?.GetMethod("Run", BindingFlags.Public | BindingFlags.Static, [typeof(bool), typeof(TextWriter)]);
        if (method is null)
        {
            stdout.WriteLine("doctor: not available in this build");
            return ExitCodes.BadUsage;
        }
        return (int)method.Invoke(null, [fix, stdout])!;
    }
}
