namespace GitBot.Core.Reviews.Gate;

/// <summary>The required-agent-checks half of the gate.</summary>
internal static class GateChecks
{
    /// <summary>Adds one line to <paramref name="missing"/> per required check that has not succeeded, and notes about ignored look-alikes.</summary>
    /// <param name="blocking">Gets the lines of checks that failed (rather than merely not finished).</param>
    public static void Evaluate(GateInput input, List<string> missing, List<string> blocking, List<string> notes)
    {
        var required = new HashSet<string>(input.Policy.RequiredChecks, StringComparer.Ordinal);
        var ours = new Dictionary<string, GateCheckRun>(StringComparer.Ordinal);
        var foreign = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in input.CheckRuns)
        {
            if (!required.Contains(run.Name) || !string.Equals(run.HeadSha, input.HeadSha, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (run.AppId != input.Policy.AppId)
            {
                foreign.Add(run.Name);
            }
            else if (!ours.TryGetValue(run.Name, out var seen) || run.Id > seen.Id)
            {
                ours[run.Name] = run;
            }
        }

        foreach (var status in input.Statuses)
        {
            if (required.Contains(status.Context))
            {
                notes.Add($"a commit status named {status.Context} from {Who(status.CreatorLogin)} was ignored: only GitBot's own check runs count");
            }
        }

        foreach (var name in foreign.Order(StringComparer.Ordinal))
        {
            notes.Add($"a check run named {name} from another GitHub App was ignored: only GitBot's own check runs count");
        }

        var shortSha = GateText.Short(input.HeadSha);
        foreach (var name in input.Policy.RequiredChecks.Distinct(StringComparer.Ordinal))
        {
            if (!ours.TryGetValue(name, out var run))
            {
                missing.Add($"{name} has not reported on {shortSha}");
            }
            else if (!string.Equals(run.Status, "completed", StringComparison.OrdinalIgnoreCase))
            {
                missing.Add($"{name} is still running on {shortSha}");
            }
            else if (string.Equals(run.Conclusion, "failure", StringComparison.OrdinalIgnoreCase))
            {
                missing.Add($"{name} failed");
                blocking.Add(missing[^1]);
            }
            else if (!string.Equals(run.Conclusion, "success", StringComparison.OrdinalIgnoreCase))
            {
                // neutral, skipped, cancelled, timed_out, stale...: not a success, and nothing will change it but a re-run.
                missing.Add($"{name} ended {run.Conclusion ?? "without a conclusion"}, not success");
                blocking.Add(missing[^1]);
            }
        }
    }

    private static string Who(string? login) => string.IsNullOrEmpty(login) ? "an unknown creator" : login;
}
