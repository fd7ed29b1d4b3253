using GitBot.Core.Configuration;
using GitBot.Core.Reviews.Reports;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Turns the <c>reviews</c> and <c>gate</c> drafts into settings, with the checks that span sections: the tests agent
/// needs a <c>test_command</c>, and every required check must be one GitBot reports for an agent that runs, since the
/// gate counts only GitBot's own check runs and would otherwise never turn green.
/// </summary>
internal static class ReviewGateRules
{
    public static (ReviewSettings Reviews, GateSettings Gate) Build(GitbotYmlDraft draft, string file, List<ConfigProblem> problems)
    {
        var reviews = draft.Reviews ?? new ReviewsDraft();
        var gate = draft.Gate ?? new GateDraft();

        // A test_command that was given but is invalid is already reported; do not add a second, misleading problem.
        var hasTestCommand = draft.TestCommand is { Count: > 0 };
        var testCommandKnown = !draft.TestCommandInvalid;

        IReadOnlyList<ReviewAgentKind> agents;
        if (reviews.Agents is { } listed)
        {
            agents = [.. listed.Select(a => a.Value)];
            if (listed.FirstOrDefault(a => a.Value == ReviewAgentKind.Tests) is { } tests && !hasTestCommand && testCommandKnown)
            {
                problems.Add(new ConfigProblem(file, tests.Path,
                    "reviews.agents includes tests but test_command is not set; set `test_command` (e.g. `[\"dotnet\", \"test\"]`) or remove `tests`",
                    tests.Line));
            }
        }
        else
        {
            // The shared default instance when it applies, so a repository without configuration equals the defaults.
            agents = hasTestCommand ? ReviewSettings.DefaultAgents(true) : ReviewSettings.Default.Agents;
        }

        if (gate.RequiredChecks is { } checks)
        {
            foreach (var check in checks)
            {
                if (CheckProblem(check.Value) is { } message)
                {
                    problems.Add(new ConfigProblem(file, check.Path, message, check.Line));
                }
            }
        }

        var defaults = ReviewSettings.Default;
        var settings = new ReviewSettings(
            reviews.Scope ?? defaults.Scope,
            agents,
            reviews.Model ?? defaults.Model,
            reviews.SecurityLlm ?? defaults.SecurityLlm,
            reviews.TestTimeout ?? defaults.TestTimeout);
        var gateSettings = new GateSettings(
            gate.RequiredApprovals ?? GateSettings.Default.RequiredApprovals,
            gate.RequiredChecks is { } names ? [.. names.Select(c => c.Value)] : GateSettings.Default.RequiredChecks,
            gate.AutoMerge ?? GateSettings.Default.AutoMerge,
            gate.MergeMethod ?? GateSettings.Default.MergeMethod);
        return (settings, gateSettings);
    }

    /// <summary>
    /// Only GitBot's agent checks can be required (the gate counts only GitBot's own runs). One whose agent does not run
    /// on its own is allowed: it waits until the agent is run on demand (Re-run on its check, <c>/agent review</c>),
    /// which is how a team makes an on-demand review mandatory.
    /// </summary>
    private static string? CheckProblem(string name)
    {
        if (string.Equals(name, "gitbot/gate", StringComparison.Ordinal))
        {
            return "`gitbot/gate` is the gate's own check and cannot be one of its requirements";
        }

        if (ReviewAgentNames.TryParseCheckName(name, out _))
        {
            return null;
        }

        var known = string.Join(", ", ReviewAgentNames.All.Select(k => $"`{ReviewAgentNames.CheckName(k)}`"));
        return $"`{name}` is not a check GitBot reports; the gate counts only GitBot's own check runs: {known}";
    }
}
