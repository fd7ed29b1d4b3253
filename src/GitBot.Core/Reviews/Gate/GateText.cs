namespace GitBot.Core.Reviews.Gate;

internal static class GateText
{
    /// <summary>The seven-character form GitHub shows for a commit.</summary>
    public static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    public static string Approvals(int count) => count == 1 ? "1 more approval" : $"{count} more approvals";
}
