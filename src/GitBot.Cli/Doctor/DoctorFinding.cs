namespace GitBot.Cli.Doctor;

/// <summary>One finding: what was checked, what was found, and (when not OK) how to fix it, in plain words.</summary>
public sealed record DoctorFinding(string Check, DoctorStatus Status, string Detail, string? Fix = null)
{
    public static DoctorFinding Ok(string check, string detail) => new(check, DoctorStatus.Ok, detail);

    public static DoctorFinding Warning(string check, string detail, string fix) => new(check, DoctorStatus.Warning, detail, fix);

    public static DoctorFinding Error(string check, string detail, string fix) => new(check, DoctorStatus.Error, detail, fix);
}
