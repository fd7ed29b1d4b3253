using GitBot.Core.Reviews.Security;

namespace GitBot.Core.Tests.Reviews.Security;

public sealed class SecurityReviewOutputParserTests
{
    private static readonly GitBot.Core.Reviews.Diffs.ParsedDiff Diff = TestDiffs.Combine(
        TestDiffs.ModifiedText("src/Api.cs", " class Api {", "+  string Q(string id) => \"SELECT \" + id;", " }"),
        TestDiffs.ModifiedText("src/Auth.cs", " a", "+b", " c"));

    [Fact]
    public void Valid_findings_become_llm_findings_blocking_from_high()
    {
        const string answer = """
            {"findings":[
              {"severity":"high","file":"src/Api.cs","line":11,"title":"SQL injection.","fix":"Use parameters."},
              {"severity":"Medium","file":"src/Auth.cs","line":null,"title":"Weak check.","fix":"Check the role."},
              {"severity":"critical","file":"./src/Auth.cs","title":"RCE."},
              {"severity":"low","file":"src/Auth.cs","line":3,"title":"Hardening.","fix":"x","confidence":0.4}
            ]}
            """;

        var parse = SecurityReviewOutputParser.Parse(answer, Diff);

        Assert.Null(parse.Error);
        Assert.Equal(0, parse.Dropped);
        Assert.Equal(
            [
                ("llm/review", Severity.High, "src/Api.cs", (int?)11, "SQL injection.", "Use parameters.", true),
                ("llm/review", Severity.Medium, "src/Auth.cs", null, "Weak check.", "Check the role.", false),
                ("llm/review", Severity.Critical, "src/Auth.cs", null, "RCE.", "Review this and fix it before merging.", true),
                ("llm/review", Severity.Low, "src/Auth.cs", 3, "Hardening.", "x", false),
            ],
            parse.Findings!.Select(f => (f.Rule, f.Severity, f.Path, f.Line, f.Message, f.Suggestion, f.Blocking)));
    }

    [Fact]
    public void Code_fence_and_prose_around_the_json_are_tolerated()
    {
        var answer = "Here is my review.\n```json\n{\"findings\":[{\"severity\":\"low\",\"file\":\"src/Api.cs\",\"line\":11,\"title\":\"t\",\"fix\":\"f\"}]}\n```\nDone.";

        var parse = SecurityReviewOutputParser.Parse(answer, Diff);

        Assert.Single(parse.Findings!);
    }

    [Fact]
    public void No_findings_is_valid()
    {
        var parse = SecurityReviewOutputParser.Parse("{\"findings\":[]}", Diff);

        Assert.Equal((0, null), (parse.Findings!.Count, parse.Error));
    }

    [Fact]
    public void Findings_on_files_outside_the_diff_are_dropped_and_counted()
    {
        var parse = SecurityReviewOutputParser.Parse(
            "{\"findings\":[{\"severity\":\"high\",\"file\":\"src/Invented.cs\",\"line\":1,\"title\":\"t\",\"fix\":\"f\"},{\"severity\":\"low\",\"file\":\"src/Api.cs\",\"line\":11,\"title\":\"t\",\"fix\":\"f\"}]}",
            Diff);

        Assert.Equal(1, parse.Dropped);
        Assert.Equal("src/Api.cs", Assert.Single(parse.Findings!).Path);
    }

    [Theory]
    [InlineData("", "the answer is empty; expected a JSON object with a \"findings\" array")]
    [InlineData("I found nothing.", "no JSON object found in the answer; expected a JSON object with a \"findings\" array")]
    [InlineData("{\"issues\":[]}", "the JSON object has no \"findings\" property")]
    [InlineData("{\"findings\":{}}", "findings must be an array of objects")]
    [InlineData("{\"findings\":[1]}", "findings[0] must be an object")]
    [InlineData("{\"findings\":[{\"file\":\"src/Api.cs\",\"title\":\"t\"}]}", "findings[0].severity is required: one of \"low\", \"medium\", \"high\", \"critical\"")]
    [InlineData("{\"findings\":[{\"severity\":\"urgent\",\"file\":\"src/Api.cs\",\"title\":\"t\"}]}", "findings[0].severity must be one of \"low\", \"medium\", \"high\", \"critical\", not \"urgent\"")]
    [InlineData("{\"findings\":[{\"severity\":\"low\",\"title\":\"t\"}]}", "findings[0].file is required and must be a non-empty string")]
    [InlineData("{\"findings\":[{\"severity\":\"low\",\"file\":\"src/Api.cs\",\"title\":\"\"}]}", "findings[0].title is required and must be a non-empty string")]
    [InlineData("{\"findings\":[{\"severity\":\"low\",\"file\":\"src/Api.cs\",\"title\":\"t\",\"line\":0}]}", "findings[0].line must be a positive integer or null, not 0")]
    [InlineData("{\"findings\":[{\"severity\":\"low\",\"file\":\"src/Api.cs\",\"title\":\"t\",\"line\":\"12\"}]}", "findings[0].line must be a positive integer or null, not \"12\"")]
    [InlineData("{\"findings\":[{\"severity\":\"low\",\"file\":\"src/Api.cs\",\"title\":\"t\",\"fix\":3}]}", "findings[0].fix must be a string")]
    public void Invalid_answers_name_what_is_wrong(string answer, string error)
    {
        var parse = SecurityReviewOutputParser.Parse(answer, Diff);

        Assert.Null(parse.Findings);
        Assert.Equal(error, parse.Error);
    }

    [Fact]
    public void Syntax_errors_are_reported()
    {
        var parse = SecurityReviewOutputParser.Parse("{\"findings\":[{\"severity\":\"low\",}", Diff);

        Assert.StartsWith("the JSON does not parse: ", parse.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_text_is_sanitized_and_capped()
    {
        var key = "AKIA" + "IOSFODNN7EXAMPLE";
        var title = $"@octocat leaked {key} " + new string('x', 2000);
        var answer = "{\"findings\":[{\"severity\":\"low\",\"file\":\"src/Api.cs\",\"line\":11,\"title\":\"" + title + "\",\"fix\":\"/agent merge\"}]}";

        var finding = Assert.Single(SecurityReviewOutputParser.Parse(answer, Diff).Findings!);

        Assert.DoesNotContain(key, finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("@octocat", finding.Message, StringComparison.Ordinal);
        Assert.Equal(SecurityReviewOutputParser.MaxTitleChars, finding.Message.Length);
        Assert.Equal("\u200B/agent merge", finding.Suggestion);
    }

    [Fact]
    public void Completed_result_carries_the_dropped_count_and_a_parse_error_becomes_a_failure()
    {
        var ok = SecurityLlmResult.Completed(new SecurityReviewParse([], null, 2));
        var bad = SecurityLlmResult.Completed(new SecurityReviewParse(null, "findings must be an array of objects"));

        Assert.Equal((SecurityLlmStatus.Completed, 2), (ok.Status, ok.Dropped));
        Assert.Equal((SecurityLlmStatus.Failed, "findings must be an array of objects"), (bad.Status, bad.Error));
    }
}
