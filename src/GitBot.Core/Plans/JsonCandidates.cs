namespace GitBot.Core.Plans;

/// <summary>
/// Finds the texts in an agent's message that may be a JSON object, most likely first: the bodies of code fences
/// (last first, since the final answer ends the message), then every balanced <c>{...}</c> span outside them
/// (string literals respected), last first.
/// </summary>
internal static class JsonCandidates
{
    public static IReadOnlyList<string> Find(string text)
    {
        var fences = new List<string>();
        var outside = new System.Text.StringBuilder();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        List<string>? fenced = null;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (fenced is null && trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                // A fence that opens and closes on one line: ```json {...} ```
                var brace = trimmed.IndexOf('{', StringComparison.Ordinal);
                if (trimmed.Length > 6 && trimmed.EndsWith("```", StringComparison.Ordinal) && brace > 0)
                {
                    fences.Add(trimmed[brace..^3].Trim());
                    continue;
                }

                fenced = [];
                continue;
            }

            if (fenced is not null && string.Equals(trimmed, "```", StringComparison.Ordinal))
            {
                fences.Add(string.Join("\n", fenced).Trim());
                fenced = null;
                continue;
            }

            if (fenced is not null)
            {
                fenced.Add(line);
            }
            else
            {
                outside.Append(line).Append('\n');
            }
        }

        // An unclosed fence (a truncated answer) is still searched for objects.
        if (fenced is not null)
        {
            outside.Append(string.Join("\n", fenced));
        }

        var objects = Objects(outside.ToString()).ToList();
        fences.Reverse();
        objects.Reverse();
        return [.. fences.Where(c => c.StartsWith('{')), .. objects];
    }

    private static IEnumerable<string> Objects(string text)
    {
        var start = -1;
        var depth = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"' && depth > 0)
            {
                inString = true;
            }
            else if (c == '{')
            {
                if (depth == 0)
                {
                    start = i;
                }

                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
                if (depth == 0)
                {
                    yield return text[start..(i + 1)];
                }
            }
        }

        // Unbalanced: the rest from the first open brace, so the syntax error can be reported.
        if (depth > 0)
        {
            yield return text[start..];
        }
    }
}
