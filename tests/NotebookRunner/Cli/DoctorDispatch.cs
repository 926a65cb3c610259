using NotebookRunner.Doctor;

namespace NotebookRunner.Cli;

/// <summary>`doctor [--fix]`: argument check, then the environment report in Doctor/.</summary>
public static class DoctorDispatch
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        if (args.Any(a => a != "--fix")) throw new UsageException("doctor takes only --fix: doctor [--fix]");
        return DoctorCommand.Run(args.Contains("--fix"), stdout);
    }
}
