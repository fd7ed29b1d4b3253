using GitBot.Core.Reviews.Judge;

namespace GitBot.Core.Tests.Reviews.Judge;

public sealed class JudgeOutputParserTests
{
    private const string Valid = """{"score":7,"verdict":"needs_work","criteria":[{"criterion":"Adds /health","met":true,"evidence":"src/Health.cs"},{"criterion":"Documents it","met":false,"evidence":"README unchanged"}],"scope_creep":"none","tests_added":true,"risk":"medium","reasons":["README not updated"]}""";

    [Theory]
    [InlineData(Valid)]
    [InlineData("My assessment:\n\n```json\n" + Valid + "\n```\n")]
    [InlineData("Considering {x} first... Final: " + Valid + " done.")]
    [InlineData("Draft: {\"verdict\": \"pass\"}\n\nFinal:\n```json\n" + Valid + "\n```")]
    public void The_verdict_is_found_in_prose_and_fences(string output)
    {
        var result = JudgeOutputParser.Parse(output);

        Assert.Null(result.Error);
        var verdict = result.Verdict!;
        Assert.Equal(7, verdict.Score);
        Assert.Equal(JudgeOutcome.NeedsWork, verdict.Verdict);
        Assert.Equal(JudgeRisk.Medium, verdict.Risk);
        Assert.True(verdict.TestsAdded);
        Assert.Equal("none", verdict.ScopeCreep);
        Assert.Equal(["README not updated"], verdict.Reasons);
        Assert.Equal([new JudgeCriterion("Adds /health", true, "src/Health.cs"), new JudgeCriterion("Documents it", false, "README unchanged")], verdict.Criteria);
    }

    [Theory]
    [InlineData("pass", "low", JudgeOutcome.Pass, JudgeRisk.Low)]
    [InlineData("fail", "high", JudgeOutcome.Fail, JudgeRisk.High)]
    public void Every_verdict_and_risk_maps(string verdict, string risk, JudgeOutcome outcome, JudgeRisk judgeRisk)
    {
        var result = JudgeOutputParser.Parse(Valid.Replace("needs_work", verdict, StringComparison.Ordinal).Replace("medium", risk, StringComparison.Ordinal));

        Assert.Equal(outcome, result.Verdict!.Verdict);
        Assert.Equal(judgeRisk, result.Verdict.Risk);
    }

    public static TheoryData<string, string> Invalid() => new()
    {
        { "", "the judge's answer is empty; expected a JSON object with \"score\" and \"verdict\"" },
        { "I think it is fine.", "no JSON object found in the judge's answer; expected a JSON object with \"score\" and \"verdict\"" },
        { "{\"score\": 3}", "the JSON object has no \"verdict\" property" },
        { "{\"verdict\": \"pass\", \"score\": ", "the judge's JSON does not parse: " },
        { Valid.Replace("\"score\":7", "\"score\":11", StringComparison.Ordinal), "score must be an integer from 0 to 10, not 11" },
        { Valid.Replace("\"score\":7", "\"score\":7.5", StringComparison.Ordinal), "score must be an integer from 0 to 10, not 7.5" },
        { Valid.Replace("\"score\":7", "\"score\":\"7\"", StringComparison.Ordinal), "score must be an integer from 0 to 10, not \"7\"" },
        { Valid.Replace("\"score\":7", "\"score\":-1", StringComparison.Ordinal), "score must be an integer from 0 to 10, not -1" },
        { Valid.Replace("needs_work", "maybe", StringComparison.Ordinal), "verdict must be one of \"pass\", \"needs_work\", \"fail\", not \"maybe\"" },
        { Valid.Replace("\"medium\"", "\"MEDIUM\"", StringComparison.Ordinal), "risk must be one of \"low\", \"medium\", \"high\", not \"MEDIUM\"" },
        { Valid.Replace("\"tests_added\":true", "\"tests_added\":\"yes\"", StringComparison.Ordinal), "tests_added must be true or false" },
        { Valid.Replace("\"scope_creep\":\"none\"", "\"scope_creep\":null", StringComparison.Ordinal), "scope_creep must be a string" },
        { Valid.Replace(",\"scope_creep\":\"none\"", string.Empty, StringComparison.Ordinal), "scope_creep is required" },
        { Valid.Replace("\"score\":7", "\"score\":7,\"confidence\":0.9", StringComparison.Ordinal), "the JSON object has an unknown property \"confidence\"; allowed: score, verdict, criteria, scope_creep, tests_added, risk, reasons" },
        { Valid.Replace("\"score\":7", "\"score\":7,\"score\":8", StringComparison.Ordinal), "the JSON object has the property \"score\" more than once" },
        { Valid.Replace("\"met\":false", "\"met\":\"no\"", StringComparison.Ordinal), "criteria[1].met must be true or false" },
        { Valid.Replace("\"criterion\":\"Documents it\",", string.Empty, StringComparison.Ordinal), "criteria[1].criterion is required" },
        { Valid.Replace("\"criterion\":\"Adds /health\"", "\"criterion\":\" \"", StringComparison.Ordinal), "criteria[0].criterion must not be empty" },
        { Valid.Replace("\"evidence\":\"src/Health.cs\"", "\"evidence\":\"src/Health.cs\",\"line\":3", StringComparison.Ordinal), "criteria[0] has an unknown property \"line\"; allowed: criterion, met, evidence" },
        { Valid.Replace("[{\"criterion\":\"Adds /health\",\"met\":true,\"evidence\":\"src/Health.cs\"},", "[\"Adds /health\",", StringComparison.Ordinal), "criteria[0] must be an object" },
        { Valid.Replace("\"reasons\":[\"README not updated\"]", "\"reasons\":[]", StringComparison.Ordinal), "reasons must hold at least one non-empty string" },
        { Valid.Replace("\"reasons\":[\"README not updated\"]", "\"reasons\":\"README\"", StringComparison.Ordinal), "reasons must be an array of strings" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_answers_get_a_precise_error(string output, string error)
    {
        var result = JudgeOutputParser.Parse(output);

        Assert.Null(result.Verdict);
        Assert.StartsWith(error, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Boundary_scores_are_accepted()
    {
        Assert.Equal(0, JudgeOutputParser.Parse(Valid.Replace("\"score\":7", "\"score\":0", StringComparison.Ordinal)).Verdict!.Score);
        Assert.Equal(10, JudgeOutputParser.Parse(Valid.Replace("\"score\":7", "\"score\":10", StringComparison.Ordinal)).Verdict!.Score);
    }

    [Fact]
    public void An_empty_criteria_list_is_valid()
    {
        var result = JudgeOutputParser.Parse(Valid.Replace("\"criteria\":[{\"criterion\":\"Adds /health\",\"met\":true,\"evidence\":\"src/Health.cs\"},{\"criterion\":\"Documents it\",\"met\":false,\"evidence\":\"README unchanged\"}]", "\"criteria\":[]", StringComparison.Ordinal));

        Assert.Null(result.Error);
        Assert.Empty(result.Verdict!.Criteria);
    }
}
