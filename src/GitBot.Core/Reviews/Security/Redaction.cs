namespace GitBot.Core.Reviews.Security;

/// <summary>Shows enough of a secret to find it again, never the secret itself.</summary>
internal static class Redaction
{
    /// <summary>
    /// The first four and last four characters around an ellipsis for values of 16 or more characters (at most half
    /// the value is shown); for shorter values only an ellipsis, since eight characters would give most of it away.
    /// </summary>
    public static string Redact(string secret) =>
        secret.Length >= 16 ? string.Concat(secret.AsSpan(0, 4), "…", secret.AsSpan(secret.Length - 4)) : "…";

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }
}
