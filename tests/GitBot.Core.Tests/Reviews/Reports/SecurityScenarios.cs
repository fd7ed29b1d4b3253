using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Reviews.Security;
using GitBot.Core.Tests.Reviews.Security;

namespace GitBot.Core.Tests.Reviews.Reports;

/// <summary>Diffs and LLM results for the security report tests, always through the real parser and scanners.</summary>
internal static class SecurityScenarios
{
    // Built at run time so the repository holds no string a secret scanner would flag.
    public static readonly string AwsId = "AKIA" + "IOSFODNN7EXAMPLE";

    /// <summary>An AWS key planted on new line 12 of src/Config.cs, a script injection in a workflow, a new dependency and an API file.</summary>
    public static ParsedDiff Planted() => TestDiffs.Combine(
        TestDiffs.ModifiedText("src/Config.cs", " namespace App;", "+// settings", $"+var key = \"{AwsId}\";", " // end"),
        TestDiffs.ModifiedText(".github/workflows/ci.yml", "     steps:", "+      - run: echo \"${{ github.event.issue.title }}\"", "       - run: make"),
        TestDiffs.ModifiedText("package.json", "   \"dependencies\": {", "+    \"left-pad\": \"1.3.0\",", "     \"react\": \"18.0.0\""),
        TestDiffs.ModifiedText("src/Api.cs", " class Api {", "+  string Q(string id) => \"SELECT * FROM t WHERE id=\" + id;", " }"));

    public static SecurityFinding Llm(Severity severity, string path, int? line, string title, string fix = "Fix it.") =>
        new(SecurityReviewOutputParser.RuleId, severity, path, line, title, fix, severity >= Severity.High);

    public static SecurityLlmResult PlantedLlm() => new(
        SecurityLlmStatus.Completed,
        [
            Llm(Severity.High, "src/Api.cs", 11, "User input is concatenated into a SQL query.", "Use a parameterized query."),
            Llm(Severity.Medium, "src/Api.cs", 200, "The error handler returns stack traces to clients.", "Return a generic error."),
        ],
        null,
        Dropped: 1);

    /// <summary>A diff where a single file has <paramref name="lines"/> added lines (new lines 1..n).</summary>
    public static ParsedDiff ManyLines(int lines) =>
        TestDiffs.NewFile("src/Big.cs", Enumerable.Range(1, lines).Select(i => $"line {i}").ToArray());
}
