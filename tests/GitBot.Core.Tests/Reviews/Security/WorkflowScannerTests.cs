using GitBot.Core.Reviews.Security;

namespace GitBot.Core.Tests.Reviews.Security;

public sealed class WorkflowScannerTests
{
    [Fact]
    public void New_workflow_with_pull_request_target_and_an_injected_title()
    {
        var diff = TestDiffs.NewFile(
            ".github/workflows/triage.yml",
            "on:",
            "  pull_request_target:",
            "jobs:",
            "  triage:",
            "    runs-on: ubuntu-latest",
            "    steps:",
            "      - uses: actions/checkout@v4",
            "        with:",
            "          ref: ${{ github.event.pull_request.head.sha }}",
            "      - run: |",
            "          echo \"${{ github.event.issue.title }}\"",
            "          echo done",
            "      - run: git checkout ${{ github.head_ref }}");

        var findings = WorkflowScanner.Scan(diff);

        Assert.Equal(
            [
                (SecurityRules.WorkflowChanged, (int?)null, Severity.Medium),
                (SecurityRules.PullRequestTarget, 2, Severity.High),
                (SecurityRules.ScriptInjection, 11, Severity.High),
                (SecurityRules.ScriptInjection, 13, Severity.High),
            ],
            findings.Select(f => (f.Rule, f.Line, f.Severity)));
        Assert.All(findings, f => Assert.True(f.Blocking));
        Assert.Contains("github.event.issue.title", findings[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    if: ${{ github.event.issue.title == 'x' }}")]
    [InlineData("        env:\n+          TITLE: ${{ github.event.issue.title }}")]
    [InlineData("          body: ${{ github.event.comment.body }}")]
    [InlineData("  # on: pull_request_target")]
    [InlineData("      - run: echo \"$TITLE\"")]
    [InlineData("      - run: echo ${{ github.sha }} ${{ secrets.TOKEN }}")]
    public void Expressions_outside_run_and_commented_triggers_are_not_flagged(string added)
    {
        var diff = TestDiffs.Modified(".github/workflows/ci.yml", "     steps:", "+" + added, "     - uses: actions/setup-dotnet@v4");

        Assert.Equal([SecurityRules.WorkflowChanged], WorkflowScanner.Scan(diff).Select(f => f.Rule));
    }

    [Fact]
    public void A_hunk_that_starts_inside_a_run_script_still_reports_the_injection()
    {
        var diff = TestDiffs.Modified(
            ".github/workflows/ci.yml",
            "           npm ci",
            "+          echo \"${{ github.event.pull_request.body }}\" > body.txt",
            "           npm test");

        var finding = Assert.Single(WorkflowScanner.Scan(diff), f => f.Rule == SecurityRules.ScriptInjection);
        Assert.Equal(11, finding.Line);
    }

    [Fact]
    public void Run_block_ends_at_the_next_key_of_its_level()
    {
        var diff = TestDiffs.Modified(
            ".github/workflows/ci.yml",
            "       - run: |",
            "           make",
            "+        env:",
            "+          BODY: ${{ github.event.comment.body }}",
            "+      - run: echo \"${{ github.event.comment.body }}\"");

        Assert.Equal([14], WorkflowScanner.Scan(diff).Where(f => f.Rule == SecurityRules.ScriptInjection).Select(f => f.Line!.Value));
    }

    [Fact]
    public void Removed_and_context_lines_are_not_flagged_but_the_file_change_is()
    {
        var diff = TestDiffs.Modified(
            ".github/workflows/ci.yml",
            " on: pull_request_target",
            "-      - run: echo \"${{ github.event.issue.title }}\"",
            "+      - run: echo \"$TITLE\"",
            "       - run: echo \"${{ github.event.issue.body }}\"");

        var finding = Assert.Single(WorkflowScanner.Scan(diff));
        Assert.Equal((SecurityRules.WorkflowChanged, ".github/workflows/ci.yml", true), (finding.Rule, finding.Path, finding.Blocking));
    }

    [Fact]
    public void Files_outside_the_workflow_folder_are_ignored()
    {
        var diff = TestDiffs.NewFile("docs/ci.yml", "on: pull_request_target", "      - run: echo \"${{ github.event.issue.title }}\"");

        Assert.Empty(WorkflowScanner.Scan(diff));
    }
}
