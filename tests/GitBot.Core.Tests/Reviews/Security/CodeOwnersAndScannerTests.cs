using GitBot.Core.Reviews.Security;

namespace GitBot.Core.Tests.Reviews.Security;

public sealed class CodeOwnersAndScannerTests
{
    [Theory]
    [InlineData("CODEOWNERS", true)]
    [InlineData(".github/CODEOWNERS", true)]
    [InlineData("docs/CODEOWNERS", true)]
    [InlineData("src/CODEOWNERS", false)]
    [InlineData("CODEOWNERS.md", false)]
    public void Codeowners_changes_are_medium_and_blocking(string path, bool flagged)
    {
        var diff = TestDiffs.Modified(path, " * @org/team", "+/src/ @org/other");

        var findings = CodeOwnersScanner.Scan(diff);

        Assert.Equal(flagged ? [(SecurityRules.CodeOwnersChanged, Severity.Medium, true, path)] : [], findings.Select(f => (f.Rule, f.Severity, f.Blocking, f.Path)));
        Assert.Equal(flagged, SecurityScanner.TouchesWorkflowsOrCodeOwners(diff));
    }

    [Fact]
    public void Renaming_a_workflow_away_or_deleting_codeowners_still_touches_them()
    {
        var renamed = TestDiffs.Combine("diff --git a/.github/workflows/ci.yml b/ci.yml.bak\nsimilarity index 100%\nrename from .github/workflows/ci.yml\nrename to ci.yml.bak\n");
        var deleted = TestDiffs.Combine("diff --git a/.github/CODEOWNERS b/.github/CODEOWNERS\ndeleted file mode 100644\nindex 1..0\n--- a/.github/CODEOWNERS\n+++ /dev/null\n@@ -1 +0,0 @@\n-* @org\n");
        var plain = TestDiffs.Modified("src/a.cs", "+x");

        Assert.True(SecurityScanner.TouchesWorkflowsOrCodeOwners(renamed));
        Assert.True(SecurityScanner.TouchesWorkflowsOrCodeOwners(deleted));
        Assert.False(SecurityScanner.TouchesWorkflowsOrCodeOwners(plain));
        Assert.Equal([SecurityRules.WorkflowChanged], SecurityScanner.Scan(renamed).Select(f => f.Rule));
        Assert.Equal([SecurityRules.CodeOwnersChanged], SecurityScanner.Scan(deleted).Select(f => f.Rule));
    }

    [Fact]
    public void Scan_runs_every_scanner_and_orders_by_path_then_line()
    {
        var key = "AKIA" + "IOSFODNN7EXAMPLE";
        var diff = TestDiffs.Combine(
            TestDiffs.ModifiedText("src/b.cs", " a", $"+var k = \"{key}\";"),
            TestDiffs.ModifiedText(".github/workflows/ci.yml", "       - run: |", "+          echo ${{ github.event.issue.title }}"),
            TestDiffs.ModifiedText("src/a.csproj", "   <ItemGroup>", "+    <PackageReference Include=\"Evil.Pkg\" Version=\"6.6.6\" />"),
            TestDiffs.ModifiedText("src/b.cs", "+password = \"Qm7vL2pR9wZx4Tk8\"", " z"),
            TestDiffs.ModifiedText("CODEOWNERS", "+* @me"));

        var findings = SecurityScanner.Scan(diff);

        Assert.Equal(
            [
                (".github/workflows/ci.yml", (int?)null, SecurityRules.WorkflowChanged),
                (".github/workflows/ci.yml", 11, SecurityRules.ScriptInjection),
                ("CODEOWNERS", null, SecurityRules.CodeOwnersChanged),
                ("src/a.csproj", 11, SecurityRules.DependencyChanged),
                ("src/b.cs", 10, SecurityRules.GenericSecret),
                ("src/b.cs", 11, SecurityRules.AwsAccessKeyId),
            ],
            findings.Select(f => (f.Path, f.Line, f.Rule)));
        Assert.DoesNotContain(findings, f => f.Message.Contains(key, StringComparison.Ordinal) || f.Message.Contains("Qm7vL2pR9wZx4Tk8", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_diff_has_no_findings()
    {
        Assert.Empty(SecurityScanner.Scan(TestDiffs.Combine(string.Empty)));
        Assert.False(SecurityScanner.TouchesWorkflowsOrCodeOwners(TestDiffs.Combine(string.Empty)));
    }
}
