namespace GitBot.Git.Repositories;

/// <summary>
/// Checks names before they become git arguments. Guarantee: a name accepted here can never be read by git as an
/// option (no leading '-') or as a refspec modifier ('+', ':'), and a branch name follows git's ref name rules.
/// </summary>
internal static class GitNames
{
    public const string HeadsPrefix = "refs/heads/";

    /// <summary>True for a valid short branch name (as <c>git check-ref-format --branch</c> would accept, stricter).</summary>
    public static bool IsValidBranch(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 250 || name[0] is '-' or '/' or '+' || name[^1] is '/' or '.'
            || name == "@" || name == "HEAD" || name.Contains("..", StringComparison.Ordinal)
            || name.Contains("//", StringComparison.Ordinal) || name.Contains("@{", StringComparison.Ordinal)
            || name.EndsWith(".lock", StringComparison.Ordinal) || name.StartsWith("refs/", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c <= ' ' || c == 0x7f || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\')
            {
                return false;
            }
        }

        return name.Split('/').All(part => part.Length > 0 && part[0] != '.' && !part.EndsWith(".lock", StringComparison.Ordinal));
    }

    /// <summary>True for something worth handing to <c>rev-parse</c>: a sha, a ref name or a revision expression.</summary>
    public static bool IsSafeRevision(string? revision) =>
        !string.IsNullOrEmpty(revision) && revision.Length <= 500 && revision[0] is not ('-' or '+' or ':')
        && !revision.Any(c => c < ' ' || c == 0x7f);

    /// <summary>Branch name without a leading <c>refs/heads/</c>.</summary>
    public static string ShortBranch(string name) =>
        name.StartsWith(HeadsPrefix, StringComparison.Ordinal) ? name[HeadsPrefix.Length..] : name;

    /// <summary>True for a trailer key git would accept and that is safe inside a <c>%(trailers:key=...)</c> format.</summary>
    public static bool IsValidTrailerKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 100 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
