using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Tests.Reviews.Security;

namespace GitBot.Core.Tests.Reviews.Diffs;

public sealed class DiffDigestTests
{
    [Fact]
    public void Small_diff_is_rendered_whole_with_new_line_numbers_on_added_lines()
    {
        var diff = TestDiffs.Combine(
            TestDiffs.ModifiedText("src/a.cs", " keep", "-old", "+new", " tail"),
            "diff --git a/img.png b/img.png\nnew file mode 100644\nindex 0000000..1111111\nBinary files /dev/null and b/img.png differ\n",
            "diff --git a/old.txt b/new.txt\nsimilarity index 100%\nrename from old.txt\nrename to new.txt\n");

        Assert.Equal(
            "3 files changed, +1 -1\n"
            + "== src/a.cs (modified, +1 -1)\n@@ -10,3 +10,3 @@\n keep\n-old\n+11: new\n tail\n"
            + "== img.png (added, binary, +0 -0)\n"
            + "== new.txt (renamed from old.txt, +0 -0)\n",
            DiffDigest.Build(diff, 10_000));
    }

    [Fact]
    public void Secrets_in_the_diff_are_scrubbed()
    {
        var key = "AKIA" + "IOSFODNN7EXAMPLE";

        var digest = DiffDigest.Build(TestDiffs.NewFile("a.env", $"AWS={key}"), 10_000);

        Assert.DoesNotContain(key, digest, StringComparison.Ordinal);
        Assert.Contains("+1: AWS=[REDACTED]", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_budget_keeps_every_header_and_cuts_hunks_evenly()
    {
        var parts = new List<string> { TestDiffs.ModifiedText("small.cs", "+tiny") };
        for (var f = 0; f < 40; f++)
        {
            parts.Add(TestDiffs.ModifiedText($"src/file{f:00}.cs", Enumerable.Range(0, 50).Select(i => $"+line {i} of file {f} with some text to make it long").ToArray()));
        }

        var diff = TestDiffs.Combine([.. parts]);
        var digest = DiffDigest.Build(diff, 20_000);

        Assert.True(digest.Length <= 20_000, $"{digest.Length}");
        Assert.Contains("+10: tiny\n", digest, StringComparison.Ordinal);
        for (var f = 0; f < 40; f++)
        {
            Assert.Contains($"== src/file{f:00}.cs (modified, +50 -0)\n", digest, StringComparison.Ordinal);
            Assert.Contains($"+10: line 0 of file {f} ", digest, StringComparison.Ordinal);
        }

        var kept = Enumerable.Range(0, 40).Select(f => digest.Split('\n').Count(l => l.Contains($" of file {f} ", StringComparison.Ordinal))).ToList();
        Assert.True(kept.Max() - kept.Min() <= 1, string.Join(",", kept));
        Assert.Contains("more lines of this file cut]", digest, StringComparison.Ordinal);
        Assert.EndsWith("from 40 of 41 files]\n", digest, StringComparison.Ordinal);
        Assert.Equal(digest, DiffDigest.Build(diff, 20_000));
    }

    [Fact]
    public void Tiny_budget_keeps_headers_as_far_as_they_fit()
    {
        var diff = TestDiffs.Combine(Enumerable.Range(0, 100).Select(f => TestDiffs.ModifiedText($"dir/f{f}.cs", "+x")).ToArray());

        var digest = DiffDigest.Build(diff, 1_000);

        Assert.True(digest.Length <= 1_000, $"{digest.Length}");
        Assert.Contains("== dir/f0.cs", digest, StringComparison.Ordinal);
        Assert.Contains("more files]", digest, StringComparison.Ordinal);
        Assert.EndsWith("all 200 diff lines left out]\n", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_are_cut()
    {
        var digest = DiffDigest.Build(TestDiffs.NewFile("min.js", new string('a', 5_000)), 10_000);

        Assert.Contains("+1: " + new string('a', DiffDigest.MaxLineChars) + "…\n", digest, StringComparison.Ordinal);
    }
}
