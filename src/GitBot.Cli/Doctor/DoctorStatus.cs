namespace GitBot.Cli.Doctor;

/// <summary>How a doctor check came out. Any <see cref="Error"/> makes <c>gitbot doctor</c> exit non-zero.</summary>
public enum DoctorStatus
{
    Ok,
    Warning,
    Error,
}
