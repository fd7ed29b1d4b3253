namespace GitBot.Core.Reviews.Gate;

/// <summary>The human-review half of the gate. One pass over the reviews: linear in their number.</summary>
internal static class GateApprovals
{
    /// <summary>Adds what is missing about approvals and change requests.</summary>
    /// <param name="blocking">Gets the lines of people whose latest review requests changes.</param>
    public static void Evaluate(GateInput input, List<string> missing, List<string> blocking, List<string> notes)
    {
        var ignoredLogins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        ignoredLogins.UnionWith(input.Policy.BotLogins);
        ignoredLogins.UnionWith(input.Policy.AgentIdentities);

        // Each person's latest review that takes a position (approve, request changes, or a dismissal that withdrew one).
        var latest = new Dictionary<string, GateReview>(StringComparer.OrdinalIgnoreCase);
        foreach (var review in input.Reviews)
        {
            if (review.State is GateReviewState.Commented or GateReviewState.Pending || review.SubmittedAt is null)
            {
                continue;
            }

            if (!string.Equals(review.UserType, "User", StringComparison.Ordinal) || ignoredLogins.Contains(review.UserLogin))
            {
                continue;
            }

            if (!latest.TryGetValue(review.UserLogin, out var seen) || IsLater(review, seen))
            {
                latest[review.UserLogin] = review;
            }
        }

        var permissions = new Dictionary<string, RepositoryPermission>(input.Permissions, StringComparer.OrdinalIgnoreCase);
        var approvals = 0;
        var olderHead = false;
        var shortSha = GateText.Short(input.HeadSha);
        foreach (var review in latest.Values.OrderBy(r => r.UserLogin, StringComparer.OrdinalIgnoreCase))
        {
            var who = review.UserLogin;
            if (review.State == GateReviewState.ChangesRequested)
            {
                missing.Add($"{who} requested changes (on {GateText.Short(review.CommitId)}); their new review or a dismissal is needed");
                blocking.Add(missing[^1]);
                continue;
            }

            if (review.State != GateReviewState.Approved)
            {
                continue;
            }

            var reason = WhyNotCounted(input, review, permissions);
            if (reason is null)
            {
                approvals++;
                continue;
            }

            olderHead |= !IsHead(input, review);
            notes.Add($"{who}'s approval does not count: {reason}");
        }

        var required = Math.Max(input.Policy.RequiredApprovals, input.TouchesWorkflowsOrCodeowners ? 1 : 0);
        if (approvals < required)
        {
            var line = $"needs {GateText.Approvals(required - approvals)} from a person with write access on {shortSha}";
            if (olderHead)
            {
                line += " (approvals on older commits do not count)";
            }

            if (input.TouchesWorkflowsOrCodeowners && input.Policy.RequiredApprovals < 1)
            {
                line += " (this PR changes workflows or CODEOWNERS, which always needs a person's review)";
            }

            missing.Add(line);
        }
    }

    private static string? WhyNotCounted(GateInput input, GateReview review, Dictionary<string, RepositoryPermission> permissions)
    {
        if (string.Equals(review.UserLogin, input.Author, StringComparison.OrdinalIgnoreCase))
        {
            return "they opened the pull request";
        }

        if (input.LastPusher is not null && string.Equals(review.UserLogin, input.LastPusher, StringComparison.OrdinalIgnoreCase))
        {
            return "they pushed the head commit";
        }

        if (!IsHead(input, review))
        {
            return $"it is on {GateText.Short(review.CommitId)}, not the head {GateText.Short(input.HeadSha)}";
        }

        var permission = permissions.GetValueOrDefault(review.UserLogin, RepositoryPermission.None);
        return permission >= RepositoryPermission.Write
            ? null
            : $"they have {permission.ToString().ToLowerInvariant()} access, not write";
    }

    private static bool IsHead(GateInput input, GateReview review) =>
        string.Equals(review.CommitId, input.HeadSha, StringComparison.OrdinalIgnoreCase);

    private static bool IsLater(GateReview candidate, GateReview seen)
    {
        var order = Nullable.Compare(candidate.SubmittedAt, seen.SubmittedAt);
        return order > 0 || (order == 0 && candidate.Id > seen.Id);
    }
}
