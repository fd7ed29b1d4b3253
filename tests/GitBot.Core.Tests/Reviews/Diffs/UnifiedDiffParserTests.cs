using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Tests.Reviews.Diffs;

public sealed class UnifiedDiffParserTests
{
    [Theory]
    [InlineData("git-extended.diff")]
    [InlineData("git-extended-crlf.diff")]
    public void Git_diff_lists_every_file_with_paths_status_and_modes(string fixture)
    {
        var files = Fixture.Parse(fixture).Files;

        Assert.Equal(
            [
                "Added null->added.txt bin=False null->100644",
                "Modified app.txt->app.txt bin=False 100644->100644",
                "Modified blob.bin->blob.bin bin=True 100644->100644",
                "Added null->café.txt bin=False null->100644",
                "Modified crlf.txt->crlf.txt bin=False 100644->100644",
                "Removed deleted.txt->null bin=False 100644->null",
                "Modified dir with space/file b.txt->dir with space/file b.txt bin=False 100644->100644",
                "Renamed old-name.txt->new-name.txt bin=False 100644->100644",
                "Modified nonl.txt->nonl.txt bin=False 100644->100644",
                "Modified run.sh->run.sh bin=False 100644->100755",
            ],
            files.Select(f => $"{f.Status} {f.OldPath ?? "null"}->{f.NewPath ?? "null"} bin={f.IsBinary} {f.OldMode ?? "null"}->{f.NewMode ?? "null"}"));
        Assert.Empty(files.Single(f => f.Path == "run.sh").Hunks);
        Assert.Empty(files.Single(f => f.Path == "blob.bin").Hunks);
    }

    [Theory]
    [InlineData("git-extended.diff")]
    [InlineData("git-extended-crlf.diff")]
    public void Line_numbers_map_exactly_across_hunks(string fixture)
    {
        var app = Fixture.Parse(fixture).Find("app.txt")!;

        Assert.Equal(
            [
                " 1/1 line1", "-2 line2", "+2 line2 changed", " 3/3 line3", " 4/4 line4", " 5/5 line5",
                " 7/7 line7", " 8/8 line8", " 9/9 line9", "-10 line10", "+10 new a", "+11 new b",
            ],
            Fixture.Render(app));
        Assert.Equal([(1, 5, 1, 5, ""), (7, 4, 7, 5, "line6")], app.Hunks.Select(h => (h.OldStart, h.OldCount, h.NewStart, h.NewCount, h.Section)));
        Assert.True(app.CanCommentOnNewLine(11));
        Assert.True(app.CanCommentOnNewLine(4));
        Assert.False(app.CanCommentOnNewLine(6));
        Assert.False(app.CanCommentOnNewLine(12));
    }

    [Fact]
    public void Added_removed_renamed_and_spaced_files_number_their_lines()
    {
        var diff = Fixture.Parse("git-extended.diff");

        Assert.Equal(["+1 added 1", "+2 added 2"], Fixture.Render(diff.Find("added.txt")!));
        Assert.Equal(["-1 gone"], Fixture.Render(diff.Find("deleted.txt")!));
        Assert.Equal([" 4/4 four", " 5/5 five", " 6/6 six", "-7 seven", "+7 seven!"], Fixture.Render(diff.Find("new-name.txt")!));
        Assert.Equal([" 1/1 q", "+2 r"], Fixture.Render(diff.Find("dir with space/file b.txt")!));
        Assert.Equal(["+1 caf"], Fixture.Render(diff.Find("café.txt")!));
        Assert.Equal(10, diff.AddedLineCount);
        Assert.Equal(6, diff.RemovedLineCount);
    }

    [Fact]
    public void No_newline_marker_qualifies_the_line_before_it()
    {
        Assert.Equal([" 1/1 x", "-2 y \\", "+2 z"], Fixture.Render(Fixture.Parse("git-extended.diff").Find("nonl.txt")!));
    }

    [Fact]
    public void Crlf_diffs_give_the_same_text_without_carriage_returns()
    {
        var lf = Fixture.Parse("git-extended.diff");
        var crlf = Fixture.Parse("git-extended-crlf.diff");

        Assert.Equal(lf.Files.SelectMany(Fixture.Render), crlf.Files.SelectMany(Fixture.Render));
        Assert.DoesNotContain(crlf.Files.SelectMany(f => f.Lines), l => l.Text.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void Pure_rename_binary_patch_and_a_diff_inside_a_diff()
    {
        var files = Fixture.Parse("rename-binary-patch.diff").Files;

        Assert.Equal(["full.diff", "moved.txt", "pic.bin"], files.Select(f => f.Path));
        var inner = files[0];
        Assert.Equal(DiffFileStatus.Added, inner.Status);
        Assert.Equal(84, inner.AddedLines.Count());
        Assert.Equal((84, "+++ b/added.txt"), (inner.AddedLines.Last().NewLine!.Value, inner.AddedLines.ElementAt(4).Text));
        var moved = files[1];
        Assert.Equal((DiffFileStatus.Renamed, "added.txt", "moved.txt"), (moved.Status, moved.OldPath, moved.NewPath));
        Assert.Empty(moved.Hunks);
        var pic = files[2];
        Assert.Equal((DiffFileStatus.Added, true), (pic.Status, pic.IsBinary));
        Assert.Empty(pic.Hunks);
    }

    [Fact]
    public void Removed_and_added_lines_that_look_like_file_headers_stay_in_their_hunk()
    {
        var files = Fixture.Parse("tricky-dashes.diff").Files;

        Assert.Equal(["notes.md", "sql/schema.sql"], files.Select(f => f.Path));
        Assert.Equal([" 1/1 # Notes", "-2 -- a/looks-like-a-header", "+2 ++ b/looks-like-a-header", " 3/3 ", " 4/4 end"], Fixture.Render(files[0]));
        Assert.Equal([" 10/10   id int,", "+11   -- a comment", " 11/12   name text"], Fixture.Render(files[1]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n\r\n")]
    public void Empty_input_gives_an_empty_diff(string? text)
    {
        Assert.Same(ParsedDiff.Empty, UnifiedDiffParser.Parse(text));
    }

    [Theory]
    [InlineData("garbage\nmore garbage")]
    [InlineData("@@ -1,3 +1,3 @@\n")]
    [InlineData("@@ -99999999999,1 +1 @@\n+x")]
    [InlineData("diff --git \n--- \n+++ \n@@ -1 +1 @@\n")]
    [InlineData("diff --git \"a/unterminated\n@@ -1,2 +1,2 @@\n-a\n+b\n+c\n+d")]
    public void Malformed_input_never_throws(string text)
    {
        var diff = UnifiedDiffParser.Parse(text);

        Assert.All(diff.Files.SelectMany(f => f.Lines), l => Assert.True(l.OldLine is not null || l.NewLine is not null));
    }

    [Fact]
    public void Plain_unified_diff_without_git_headers()
    {
        var diff = UnifiedDiffParser.Parse(
            "--- a.txt\t2024-01-01 10:00:00\n+++ a.txt\t2024-01-02 10:00:00\n@@ -1 +1 @@\n-old\n+new\n--- b.txt\n+++ b.txt\n@@ -3,0 +4 @@\n+tail\n");

        Assert.Equal(["a.txt", "b.txt"], diff.Files.Select(f => f.Path));
        Assert.Equal(["-1 old", "+1 new"], Fixture.Render(diff.Files[0]));
        Assert.Equal(["+4 tail"], Fixture.Render(diff.Files[1]));
    }

    [Theory]
    [InlineData("added", null, DiffFileStatus.Added, null)]
    [InlineData("modified", null, DiffFileStatus.Modified, "src/x.cs")]
    [InlineData("changed", null, DiffFileStatus.Modified, "src/x.cs")]
    [InlineData("renamed", "src/old.cs", DiffFileStatus.Renamed, "src/old.cs")]
    [InlineData("copied", "src/old.cs", DiffFileStatus.Copied, "src/old.cs")]
    public void Files_api_patch_takes_its_paths_and_status_from_the_entry(string status, string? previous, DiffFileStatus expected, string? oldPath)
    {
        var file = UnifiedDiffParser.ParseFilePatch("src/x.cs", status, previous, "@@ -5,2 +5,3 @@ class X\n a\n+b\n c");

        Assert.Equal((expected, oldPath, "src/x.cs"), (file.Status, file.OldPath, file.NewPath));
        Assert.Equal([" 5/5 a", "+6 b", " 6/7 c"], Fixture.Render(file));
    }

    [Fact]
    public void Files_api_removed_entry_and_missing_patch()
    {
        var removed = UnifiedDiffParser.ParseFilePatch("gone.txt", "removed", null, "@@ -1 +0,0 @@\n-bye");
        var binary = UnifiedDiffParser.ParseFilePatch("logo.png", "modified", null, null);

        Assert.Equal((DiffFileStatus.Removed, "gone.txt", null, "gone.txt"), (removed.Status, removed.OldPath, removed.NewPath, removed.Path));
        Assert.Equal(["-1 bye"], Fixture.Render(removed));
        Assert.Empty(binary.Hunks);
    }
}
