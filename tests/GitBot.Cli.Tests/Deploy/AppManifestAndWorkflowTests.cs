using GitBot.Server.Webhooks;

namespace GitBot.Cli.Tests.Deploy;

/// <summary>deploy/app.yml (the GitHub App manifest) and the project's own CI workflow, parsed and checked.</summary>
public sealed class AppManifestAndWorkflowTests
{
    /// <summary>
    /// The least GitBot needs, derived from its calls: issues (comments, labels, reactions), pull_requests (PRs,
    /// reviews, merges), contents (git pushes, merge, repository files), checks and statuses (review and gate
    /// results), actions (workflow_dispatch for the actions executor) and the mandatory metadata (which also covers
    /// the collaborator permission lookup). Changing it must be a deliberate edit of this test.
    /// </summary>
    private static readonly Dictionary<string, string> LeastPrivilege = new(StringComparer.Ordinal)
    {
        ["actions"] = "write",
        ["checks"] = "write",
        ["contents"] = "write",
        ["issues"] = "write",
        ["metadata"] = "read",
        ["pull_requests"] = "write",
        ["statuses"] = "write",
    };

    private static readonly string[] Events =
    [
        "issues", "issue_comment", "pull_request", "pull_request_review", "pull_request_review_comment",
        "check_run", "check_suite", "push", "workflow_run", "workflow_job",
    ];

    [Fact]
    public void App_manifest_has_the_required_keys_least_privilege_permissions_and_the_events_GitBot_handles()
    {
        var app = DeployFiles.Yaml("deploy/app.yml");

        Assert.False(string.IsNullOrWhiteSpace(app.Str("name")));
        Assert.True(Uri.IsWellFormedUriString(app.Str("url"), UriKind.Absolute));
        Assert.EndsWith(WebhookIngressHandler.Route, app.Str("hook_attributes", "url"), StringComparison.Ordinal);
        Assert.Equal("true", app.Str("hook_attributes", "active"));
        Assert.EndsWith("/callback", app.Str("redirect_url"), StringComparison.Ordinal);
        Assert.Equal("false", app.Str("public"));
        var permissions = app["default_permissions"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        Assert.Equal(LeastPrivilege.OrderBy(p => p.Key, StringComparer.Ordinal), permissions.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(Events, app["default_events"].Items().Select(e => e.GetValue<string>()));
    }

    [Fact]
    public void CI_workflow_runs_ci_run_on_push_and_pull_request_with_a_read_only_token()
    {
        var workflow = DeployFiles.Yaml(".github/workflows/ci.yml");

        var triggers = workflow["on"].Keys().ToList();
        Assert.Equal(new[] { "push", "pull_request" }, triggers);
        // Not as a trigger, nor anywhere else outside comments (e.g. a workflow_call chain).
        var code = string.Join('\n', DeployFiles.Text(".github/workflows/ci.yml").Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        Assert.DoesNotContain("pull_request_target", code, StringComparison.Ordinal);
        Assert.Equal("read", workflow.Str("permissions", "contents"));
        Assert.Single(workflow["permissions"].Keys());
        Assert.False(string.IsNullOrWhiteSpace(workflow.Str("concurrency", "group")));
        var job = Assert.Single(workflow["jobs"]!.AsObject()).Value!;
        Assert.Null(job["permissions"]);
        var steps = job["steps"].Items().ToList();
        Assert.Contains(steps, s => s.Str("run") is { } run && (run.Trim() == ".ci/run" || run.Trim() == "./test.sh"));
        Assert.Contains(steps, s => s.Str("uses") is { } uses && uses.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Str("uses") is { } uses && uses.StartsWith("actions/setup-node@", StringComparison.Ordinal)
                                    && s.Str("with", "node-version") == "20");
        var checkout = Assert.Single(steps, s => s.Str("uses") is { } uses && uses.StartsWith("actions/checkout@", StringComparison.Ordinal));
        Assert.Equal("false", checkout.Str("with", "persist-credentials"));
        Assert.DoesNotContain("secrets.", code, StringComparison.Ordinal);
    }
}
