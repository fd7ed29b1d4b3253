using System.Globalization;
using System.Text;
using GitBot.Simulator.ModelServer;

namespace ReviewBench;

/// <summary>What the benchmark's repository holds and pushes, and the scripted model's answers (as in the review E2E tests).</summary>
internal static class Workload
{
    public const string JudgePrompt = "You are GitBot's judge";

    public const string SecurityPrompt = "You are GitBot's security reviewer";

    public const string JudgeAnswer =
        "{\"score\":8,\"verdict\":\"pass\",\"criteria\":[{\"criterion\":\"Add the widget parts\",\"met\":true,\"evidence\":\"src/parts adds them\"}]," +
        "\"scope_creep\":\"none\",\"tests_added\":false,\"risk\":\"low\",\"reasons\":[\"Does what the issue asks\"]}";

    public const string CleanSecurityAnswer = "{\"findings\":[]}";

    /// <summary>The configuration of scenario 1: GitBot's branches are reviewed by all three agents (the default), tests run with python3.</summary>
    public const string ReviewConfig = "test_command: [\"python3\", \"run_tests.py\"]\n";

    /// <summary>The configuration of the gate repositories: no agents run (nothing but the recompute under test touches GitHub).</summary>
    public const string GateConfig = "reviews:\n  agents: []\ngate:\n  required_checks: [gitbot/security, gitbot/tests, gitbot/judge]\n";

    /// <summary>A fast runner that writes JUnit XML (two tests, both passing while widget.py says COUNT = 3).</summary>
    public const string RunTests = """
        import re, sys
        count = int(re.search(r"COUNT = (\d+)", open("widget.py").read()).group(1))
        ok = count == 3
        failure = "" if ok else f'<failure message="expected 3 widgets, got {count}">AssertionError: expected 3 widgets, got {count}</failure>'
        xml = ('<?xml version="1.0"?><testsuites><testsuite name="widgets" tests="2" failures="%d">'
               '<testcase classname="tests.test_widgets" name="test_widget_count">%s</testcase>'
               '<testcase classname="tests.test_widgets" name="test_widget_name"/></testsuite></testsuites>') % (0 if ok else 1, failure)
        open("results.xml", "w").write(xml)
        print("2 passed" if ok else "1 passed, 1 failed")
        sys.exit(0 if ok else 1)
        """;

    public static ModelScript Script() => new(
        [ModelScript.When(JudgePrompt, ModelStep.Text(JudgeAnswer)), ModelScript.When(SecurityPrompt, ModelStep.Text(CleanSecurityAnswer))]);

    public static Dictionary<string, string> BaseFiles(string config) => new()
    {
        [".github/gitbot.yml"] = config,
        ["run_tests.py"] = RunTests,
        ["widget.py"] = "COUNT = 3\nNAME = \"widget\"\n",
        ["README.md"] = "# widgets\n",
    };

    /// <summary>
    /// <paramref name="files"/> new Python files of <paramref name="lines"/> lines each under <c>src/parts/</c>; the content
    /// depends on <paramref name="round"/>, so every round is a new commit while the PR's diff against main stays
    /// files × lines added lines (the files do not exist on main).
    /// </summary>
    public static Dictionary<string, string> Parts(int round, int files = 40, int lines = 50)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var f = 0; f < files; f++)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"# Widget part {f}, round {round}.\n");
            for (var l = 1; l < lines; l++)
            {
                text.Append(CultureInfo.InvariantCulture, $"part_{f}_size_{l} = {(round * 1000) + (f * 50) + l}\n");
            }

            result[$"src/parts/part_{f:D2}.py"] = text.ToString();
        }

        return result;
    }
}
