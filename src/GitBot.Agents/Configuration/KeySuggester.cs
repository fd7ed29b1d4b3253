namespace GitBot.Agents.Configuration;

/// <summary>Finds the allowed key an unknown one was probably meant to be ("did you mean ...?").</summary>
internal static class KeySuggester
{
    /// <summary>
    /// The closest candidate, or null when none is close: same letters ignoring case, <c>_</c> and <c>-</c>
    /// (<c>maxTurns</c> → <c>max_turns</c>), otherwise an edit distance of at most a third of the key's length (max 3).
    /// </summary>
    public static string? Suggest(string key, IEnumerable<string> candidates)
    {
        var normalized = Normalize(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var other = Normalize(candidate);
            if (other == normalized)
            {
                return candidate;
            }

            var distance = Distance(normalized, other);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        var allowed = Math.Min(3, Math.Max(1, normalized.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    private static string Normalize(string key) =>
        new([.. key.Where(c => c is not ('_' or '-' or ' ')).Select(char.ToLowerInvariant)]);

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
