using System.Text;

namespace GitBot.Core.Reviews.Diffs;

/// <summary>Reads paths out of diff headers: git's <c>a/</c> <c>b/</c> prefixes, <c>/dev/null</c>, C-style quoting.</summary>
internal static class DiffPaths
{
    /// <summary>The path of a <c>---</c> or <c>+++</c> line (after the marker); null for <c>/dev/null</c>.</summary>
    public static string? FromHeader(string value, string prefix)
    {
        string path;
        if (value.StartsWith('"'))
        {
            path = ReadQuoted(value, 0, out _);
        }
        else
        {
            // Plain diff appends "\t<timestamp>"; git appends a lone tab to paths containing spaces.
            var tab = value.IndexOf('\t', StringComparison.Ordinal);
            path = tab >= 0 ? value[..tab] : value.TrimEnd();
        }

        if (path == "/dev/null")
        {
            return null;
        }

        return path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
    }

    /// <summary>The two paths of <c>diff --git a/x b/y</c> (text after <c>diff --git </c>), prefixes removed.</summary>
    public static (string? Old, string? New)? FromGitHeader(string value)
    {
        string first, second;
        if (value.StartsWith('"'))
        {
            first = ReadQuoted(value, 0, out var end);
            var rest = value[end..].TrimStart();
            second = rest.StartsWith('"') ? ReadQuoted(rest, 0, out _) : rest;
        }
        else if (value.Length >= 5 && value.Length % 2 == 1 && value[value.Length / 2] == ' '
            && value.AsSpan(2, (value.Length / 2) - 2).SequenceEqual(value.AsSpan((value.Length / 2) + 3)))
        {
            // Same path on both sides ("a/p q b/p q"): split in the middle, which is right even when it contains " b/".
            first = value[..(value.Length / 2)];
            second = value[((value.Length / 2) + 1)..];
        }
        else
        {
            var split = value.IndexOf(" \"", StringComparison.Ordinal);
            split = split >= 0 ? split : value.IndexOf(" b/", StringComparison.Ordinal);
            if (split < 0)
            {
                return null;
            }

            first = value[..split];
            var rest = value[(split + 1)..];
            second = rest.StartsWith('"') ? ReadQuoted(rest, 0, out _) : rest;
        }

        return (Strip(first, "a/"), Strip(second, "b/"));
    }

    /// <summary>Unquotes a path from <c>rename from</c>/<c>rename to</c>, which git quotes like header paths.</summary>
    public static string Unquote(string value) => value.StartsWith('"') ? ReadQuoted(value, 0, out _) : value;

    private static string Strip(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;

    /// <summary>Reads a C-quoted string starting at <paramref name="start"/> (a quote); octal escapes are UTF-8 bytes.</summary>
    private static string ReadQuoted(string value, int start, out int end)
    {
        var bytes = new List<byte>();
        var i = start + 1;
        for (; i < value.Length && value[i] != '"'; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
                continue;
            }

            var c = value[++i];
            if (c is >= '0' and <= '7' && i + 2 < value.Length)
            {
                bytes.Add((byte)(((c - '0') * 64) + ((value[i + 1] - '0') * 8) + (value[i + 2] - '0')));
                i += 2;
                continue;
            }

            bytes.Add(c switch
            {
                'a' => 7,
                'b' => 8,
                't' => 9,
                'n' => 10,
                'v' => 11,
                'f' => 12,
                'r' => 13,
                _ => (byte)c,
            });
        }

        end = Math.Min(i + 1, value.Length);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
