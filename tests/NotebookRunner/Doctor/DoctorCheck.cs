namespace NotebookRunner.Doctor;

public enum DoctorStatus { Ok, Warn, Fail }

/// <summary>One line of `doctor` output: `ok   .NET SDK: 10.0.401`.</summary>
public sealed record DoctorCheck(DoctorStatus Status, string Name, string Detail)
{
    public static DoctorCheck Ok(string name, string detail) => new(DoctorStatus.Ok, name, detail);

    public static DoctorCheck Warn(string name, string detail) => new(DoctorStatus.Warn, name, detail);

    public static DoctorCheck Fail(string name, string detail) => new(DoctorStatus.Fail, name, detail);

    public override string ToString() => $"{Status.ToString().ToLowerInvariant(),-4} {Name}: {Detail}";
}
