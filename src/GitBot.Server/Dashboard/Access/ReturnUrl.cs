namespace GitBot.Server.Dashboard.Access;

/// <summary>
/// Where sign-in may send the browser afterwards: only a path on this server. Anything that could leave the site
/// (<c>//host</c>, <c>/\host</c>, an absolute URL, control characters) becomes <c>/</c>, so sign-in is no open redirect.
/// </summary>
internal static class ReturnUrl
{
    public static string Sanitize(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 2048 || candidate[0] != '/')
        {
            return "/";
        }

        if (candidate.Length > 1 && candidate[1] is '/' or '\\')
        {
            return "/";
        }

        foreach (var c in candidate)
        {
            // Browsers drop tabs and newlines from URLs ("/\t/evil.com" becomes "//evil.com"); refuse all controls.
            if (char.IsControl(c) || c == '\\')
            {
                return "/";
            }
        }

        return candidate;
    }
}
