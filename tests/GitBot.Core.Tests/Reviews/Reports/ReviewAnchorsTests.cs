using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Reviews.Reports;
using GitBot.Core.Tests.Reviews.Security;

namespace GitBot.Core.Tests.Reviews.Reports;

public sealed class ReviewAnchorsTests
{
    [Fact]
    public void Added_and_context_lines_are_commentable_removed_and_unshown_lines_are_not()
    {
        // New-file lines: 10 context, 11 added, 12 added, (old 11 removed), 13 context.
        var anchors = new ReviewAnchors(TestDiffs.Modified("src/a.cs", " keep", "+one", "+two", "-gone", " tail"));

        Assert.True(anchors.IsCommentable("src/a.cs", 10));
        Assert.True(anchors.IsCommentable("src/a.cs", 11));
        Assert.True(anchors.IsCommentable("src/a.cs", 12));
        Assert.True(anchors.IsCommentable("src/a.cs", 13));
        Assert.False(anchors.IsCommentable("src/a.cs", 9));
        Assert.False(anchors.IsCommentable("src/a.cs", 14));
        Assert.False(anchors.IsCommentable("src/b.cs", 11));
        Assert.False(anchors.IsCommentable("SRC/A.CS", 11));
    }

    [Fact]
    public void A_removed_file_has_no_right_side_lines()
    {
        var diff = UnifiedDiffParser.Parse("diff --git a/old.txt b/old.txt\ndeleted file mode 100644\nindex 1111111..0000000\n--- a/old.txt\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n");

        var anchors = new ReviewAnchors(diff);

        Assert.False(anchors.IsCommentable("old.txt", 1));
        Assert.False(anchors.IsCommentable("old.txt", 0));
    }

    [Fact]
    public void Agrees_with_the_diff_files_own_check_on_every_line()
    {
        var diff = TestDiffs.Combine(
            TestDiffs.ModifiedText("a.cs", " x", "+y", "-z", " w"),
            TestDiffs.ModifiedText("b.cs", "-only removed", " ctx"));
        var anchors = new ReviewAnchors(diff);

        foreach (var file in diff.Files)
        {
            for (var line = 0; line < 20; line++)
            {
                Assert.Equal(file.CanCommentOnNewLine(line), anchors.IsCommentable(file.Path, line));
            }
        }
    }
}
