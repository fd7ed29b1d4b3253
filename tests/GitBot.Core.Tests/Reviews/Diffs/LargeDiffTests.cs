using System.Text;
using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Tests.Reviews.Diffs;

public sealed class LargeDiffTests
{
    [Fact]
    public void Forty_files_of_fifty_lines_parse_with_every_line_numbered()
    {
        var text = new StringBuilder();
        for (var f = 0; f < 40; f++)
        {
            text.Append($"diff --git a/src/F{f}.cs b/src/F{f}.cs\nindex 1..2 100644\n--- a/src/F{f}.cs\n+++ b/src/F{f}.cs\n");
            text.Append("@@ -100,25 +100,50 @@\n");
            for (var i = 0; i < 25; i++)
            {
                text.Append($" ctx {i}\n+add {i}\n");
            }
        }

        var diff = UnifiedDiffParser.Parse(text.ToString());

        Assert.Equal(40, diff.Files.Count);
        Assert.Equal(1000, diff.AddedLineCount);
        Assert.All(diff.Files, f => Assert.Equal(Enumerable.Range(0, 25).Select(i => 101 + (2 * i)), f.AddedLines.Select(l => l.NewLine!.Value)));
        Assert.All(diff.Files, f => Assert.Equal(124, f.Lines.Last(l => l.OldLine is not null).OldLine));
    }
}
