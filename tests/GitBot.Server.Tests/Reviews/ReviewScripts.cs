using GitBot.Simulator.ModelServer;

namespace GitBot.Server.Tests.Reviews;

/// <summary>The scripted model's answers for the review agents, and the repository files the review tests start from.</summary>
internal static class ReviewScripts
{
    /// <summary>Text only the judge's prompt contains.</summary>
    public const string JudgePrompt = "You are GitBot's judge";

    /// <summary>Text only the security agent's LLM prompt contains.</summary>
    public const string SecurityPrompt = "You are GitBot's security reviewer";

    public const string JudgeAnswer =
        "{\"score\":6,\"verdict\":\"needs_work\",\"criteria\":[{\"criterion\":\"Count the widgets\",\"met\":true,\"evidence\":\"widget.py returns a count\"}]," +
        "\"scope_creep\":\"none\",\"tests_added\":false,\"risk\":\"medium\",\"reasons\":[\"No test covers the new count\"]}";

    public const string CleanSecurityAnswer = "{\"findings\":[]}";

    /// <summary>A test runner that writes JUnit XML: one test per expectation, failing when widget.py's COUNT differs.</summary>
    public const string RunTests = """
        import re, sys
        count = int(re.search(r"COUNT = (\d+)", open("widget.py").read()).group(1))
        ok = count == 3
        failure = "" if ok else f'<failure message="expected 3 widgets, got {count}">AssertionError: expected 3 widgets, got {count}</failure>'
        xml = ('<?xml version="1.0"?><testsuites><testsuite name="widgets" tests="2" failures="%d">'
               '<testcase classname="tests.test_widgets" name="test_widget_count">%s</testcase>'
               '<testcase classname="tests.test_widgets" name="test_widget_name"/></testsuite></testsuites>') % (0 if ok else 1, failure)
        open("results.xml", "w").write(xml)
        print("1 passed, 1 failed" if not ok else "2 passed")
        sys.exit(0 if ok else 1)
        """;

    public static ModelScript Script(params ModelRule[] extra) => new(
        [.. extra, ModelScript.When(JudgePrompt, ModelStep.Text(JudgeAnswer)), ModelScript.When(SecurityPrompt, ModelStep.Text(CleanSecurityAnswer))]);

    public static Dictionary<string, string> Files(string config) => new()
    {
        [".github/gitbot.yml"] = config,
        ["run_tests.py"] = RunTests,
        ["widget.py"] = "COUNT = 3\nNAME = \"widget\"\n",
    };
}
