namespace GitBot.Core.Reviews.Security;

/// <summary>How serious a finding is, in increasing order (so findings can be compared and sorted).</summary>
public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}
