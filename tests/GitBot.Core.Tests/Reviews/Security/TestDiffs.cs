using System.Text;
using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Tests.Reviews.Security;

/// <summary>Builds git-shaped diffs for scanner tests, always through the real parser.</summary>
internal static class TestDiffs
{
    /// <summary>A new file whose lines are all added (line n is new-file line n).</summary>
    public static ParsedDiff NewFile(string path, params string[] lines) =>
        UnifiedDiffParser.Parse(
            $"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/{path}\n"
            + $"@@ -0,0 +1,{lines.Length} @@\n" + string.Concat(lines.Select(l => "+" + l + "\n")));

    /// <summary>
    /// A modified file with one hunk starting at old and new line 10; <paramref name="body"/> lines carry their diff
    /// prefix (' ', '+', '-').
    /// </summary>
    public static ParsedDiff Modified(string path, params string[] body) => UnifiedDiffParser.Parse(ModifiedText(path, body));

    public static string ModifiedText(string path, params string[] body)
    {
        body = body.SelectMany(l => l.Split('\n')).ToArray();
        var old = body.Count(l => l[0] != '+');
        var @new = body.Count(l => l[0] != '-');
        return $"diff --git a/{path} b/{path}\nindex 1111111..2222222 100644\n--- a/{path}\n+++ b/{path}\n"
            + $"@@ -10,{old} +10,{@new} @@\n" + string.Concat(body.Select(l => l + "\n"));
    }

    /// <summary>Several files in one diff: each entry is the text of <see cref="ModifiedText"/> or similar.</summary>
    public static ParsedDiff Combine(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part);
        }

        return UnifiedDiffParser.Parse(text.ToString());
    }
}
