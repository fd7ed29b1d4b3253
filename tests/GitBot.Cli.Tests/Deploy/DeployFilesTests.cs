using System.Globalization;
using System.Text.RegularExpressions;
using GitBot.Server.Webhooks;

namespace GitBot.Cli.Tests.Deploy;

/// <summary>The Dockerfile, compose file, Kubernetes manifests and systemd unit under deploy/, parsed and checked.</summary>
public sealed partial class DeployFilesTests
{
    [Fact]
    public void Dockerfile_is_multi_stage_non_root_with_git_and_the_pinned_agent_CLI()
    {
        var lines = DeployFiles.Text("deploy/Dockerfile").Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var from = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, from.Count);
        Assert.Equal("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", from[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", from[1], StringComparison.Ordinal);
        var runtime = lines.SkipWhile(l => l != from[1]).ToList();
        Assert.Contains(runtime, l => l.StartsWith("COPY --from=build /out", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish src/GitBot.Cli/GitBot.Cli.csproj", StringComparison.Ordinal));
        // Every project's file is copied before the restore, or the restore layer misses a project.
        foreach (var project in Directory.EnumerateFiles(DeployFiles.PathOf("src"), "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(DeployFiles.Root, project).Replace('\\', '/');
            Assert.Contains(lines, l => l.StartsWith("COPY " + relative + " ", StringComparison.Ordinal));
        }

        var user = Assert.Single(runtime, l => l.StartsWith("USER ", StringComparison.Ordinal))[5..].Split(':')[0];
        Assert.DoesNotContain(user, new[] { "root", "0" });
        var install = Assert.Single(runtime, l => l.Contains("apt-get install", StringComparison.Ordinal));
        Assert.Matches(@"apt-get install[^&]*\bgit\b", install);
        var pinned = PinnedVersion().Match(DeployFiles.Text("tools/install-agent-cli.sh"));
        Assert.True(pinned.Success, "tools/install-agent-cli.sh no longer pins version=\"...\"");
        Assert.Contains(runtime, l => l == "ARG CLAUDE_CODE_VERSION=" + pinned.Groups[1].Value);
        Assert.Contains("@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}", install, StringComparison.Ordinal);
        Assert.Contains(runtime, l => l == "ENTRYPOINT [\"gitbot\"]");
        Assert.Contains(runtime, l => l == "CMD [\"serve\"]");
        Assert.Contains(runtime, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.Contains("/healthz", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_runs_serve_a_worker_and_postgres_15_with_file_secrets_and_healthchecks()
    {
        var compose = DeployFiles.Yaml("deploy/docker-compose.yml");
        var services = compose["services"]!;
        Assert.Equal(new[] { "postgres", "gitbot", "worker" }, services.Keys());
        Assert.Equal("postgres:15", services.Str("postgres", "image"));
        Assert.Equal("/run/secrets/postgres_password", services.Str("postgres", "environment", "POSTGRES_PASSWORD_FILE"));
        Assert.Contains("pg_isready", services["postgres"]!["healthcheck"]!["test"]!.ToJsonString(), StringComparison.Ordinal);
        var volume = services["postgres"]!["volumes"].Items().Select(v => v.GetValue<string>().Split(':')).Single(v => v[1] == "/var/lib/postgresql/data");
        Assert.Contains(volume[0], compose["volumes"].Keys());

        Assert.Equal("serve", services["gitbot"]!["command"]![0]!.GetValue<string>());
        Assert.Equal("worker", services["worker"]!["command"]![0]!.GetValue<string>());
        Assert.Contains("/healthz", services["gitbot"]!["healthcheck"]!["test"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("true", services.Str("worker", "healthcheck", "disable"));
        Assert.True(DeployFiles.Duration(services.Str("worker", "stop_grace_period")!) > DeployFiles.Duration(services.Str("worker", "environment", "GITBOT_Scheduler__ShutdownGrace")!));
        foreach (var name in new[] { "gitbot", "worker" })
        {
            var service = services[name]!;
            Assert.Equal("deploy/Dockerfile", service.Str("build", "dockerfile"));
            Assert.Equal("service_healthy", service.Str("depends_on", "postgres", "condition"));
            Assert.Equal("postgres", service.Str("environment", "GITBOT_Database__Provider"));
            var targets = service["secrets"].Items().Select(s => "/run/secrets/" + s.Str("target")).ToList();
            Assert.Contains(service.Str("environment", "GITBOT_GitHub__PrivateKeyPath"), targets);
            Assert.Contains(service["command"].Items().Select(c => c.GetValue<string>()).Last(), targets);
            // Secret values never sit in the compose file or its environment; they come from the secret files.
            Assert.DoesNotContain(service["environment"].Keys(), k => SecretName().IsMatch(k) && !k.EndsWith("Path", StringComparison.Ordinal));
        }

        Assert.All(compose["secrets"]!.AsObject(), s => Assert.StartsWith("./secrets/", s.Value.Str("file"), StringComparison.Ordinal));
    }

    [Fact]
    public void Kubernetes_manifests_have_every_kind_probes_non_root_resources_and_budgets()
    {
        var files = Directory.EnumerateFiles(DeployFiles.PathOf("deploy/kubernetes"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var kustomization = DeployFiles.Yaml("deploy/kubernetes/kustomization.yaml");
        Assert.Equal(files.Where(f => f != "kustomization.yaml"), kustomization["resources"].Items().Select(r => r.GetValue<string>()).Order(StringComparer.Ordinal));
        var all = files.Where(f => f != "kustomization.yaml").SelectMany(f => DeployFiles.YamlDocuments("deploy/kubernetes/" + f!)).ToList();
        var kinds = all.Select(d => d.Str("kind")!).ToList();
        foreach (var kind in new[] { "Deployment", "Service", "Ingress", "Secret", "PodDisruptionBudget", "ConfigMap" })
        {
            Assert.Contains(kind, kinds);
        }

        var deployments = all.Where(d => d.Str("kind") == "Deployment").ToDictionary(d => d.Str("metadata", "name")!);
        var serve = deployments["gitbot-serve"];
        var worker = deployments["gitbot-worker"];
        Assert.Equal("2", serve.Str("spec", "replicas"));
        foreach (var deployment in deployments.Values)
        {
            var pod = deployment["spec"]!["template"]!["spec"]!;
            Assert.Equal("true", pod.Str("securityContext", "runAsNonRoot"));
            Assert.NotEqual("0", pod.Str("securityContext", "runAsUser"));
            var container = Assert.Single(pod["containers"].Items());
            Assert.Equal("false", container.Str("securityContext", "allowPrivilegeEscalation"));
            Assert.Equal("true", container.Str("securityContext", "readOnlyRootFilesystem"));
            Assert.NotNull(container.Str("resources", "requests", "cpu"));
            Assert.NotNull(container.Str("resources", "requests", "memory"));
            Assert.NotNull(container.Str("resources", "limits", "memory"));
            // Every secret value comes from the Secret, none is written into a manifest.
            Assert.All(container["env"].Items().Where(e => SecretName().IsMatch(e.Str("name")!)), e => Assert.NotNull(e.Str("valueFrom", "secretKeyRef", "key")));
        }

        var serveContainer = serve["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("serve", serveContainer["args"]![0]!.GetValue<string>());
        Assert.Equal("8080", serveContainer["ports"]![0]!.Str("containerPort"));
        foreach (var (probe, probePath) in new[] { ("readinessProbe", "/readyz"), ("livenessProbe", "/healthz") })
        {
            Assert.Equal(probePath, serveContainer.Str(probe, "httpGet", "path"));
            Assert.Equal(serveContainer["ports"]![0]!.Str("name"), serveContainer.Str(probe, "httpGet", "port"));
        }

        var workerPod = worker["spec"]!["template"]!["spec"]!;
        Assert.Equal("worker", workerPod["containers"]![0]!["args"]![0]!.GetValue<string>());
        var grace = workerPod["containers"]![0]!["env"].Items().Single(e => e.Str("name") == "GITBOT_Scheduler__ShutdownGrace").Str("value")!;
        Assert.True(TimeSpan.FromSeconds(int.Parse(workerPod.Str("terminationGracePeriodSeconds")!, CultureInfo.InvariantCulture)) > DeployFiles.Duration(grace));

        var service = Assert.Single(all, d => d.Str("kind") == "Service");
        Assert.Equal(serve.Str("spec", "selector", "matchLabels", "app.kubernetes.io/component"), service.Str("spec", "selector", "app.kubernetes.io/component"));
        var ingress = Assert.Single(all, d => d.Str("kind") == "Ingress");
        var path = Assert.Single(ingress["spec"]!["rules"]![0]!["http"]!["paths"].Items());
        Assert.Equal(WebhookIngressHandler.Route, path.Str("path"));
        Assert.Equal(service.Str("metadata", "name"), path.Str("backend", "service", "name"));

        var budgets = all.Where(d => d.Str("kind") == "PodDisruptionBudget").ToList();
        foreach (var deployment in deployments.Values)
        {
            var labels = deployment["spec"]!["selector"]!["matchLabels"]!.ToJsonString();
            Assert.Contains(budgets, b => b["spec"]!["selector"]!["matchLabels"]!.ToJsonString() == labels);
        }

        var secret = Assert.Single(all, d => d.Str("kind") == "Secret");
        Assert.All(secret["stringData"]!.AsObject(), p => Assert.Contains("REPLACE_ME", p.Value!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Systemd_worker_unit_restarts_stops_gracefully_and_is_hardened()
    {
        var unit = DeployFiles.Unit("deploy/systemd/gitbot-worker.service");
        var service = unit["Service"];
        string One(string key) => Assert.Single(service[key]);
        Assert.Contains(" worker", One("ExecStart"), StringComparison.Ordinal);
        Assert.NotEqual("root", One("User"));
        Assert.StartsWith("/etc/gitbot/", One("EnvironmentFile"), StringComparison.Ordinal);
        Assert.Equal("on-failure", One("Restart"));
        Assert.Equal("SIGTERM", One("KillSignal"));
        Assert.Equal("yes", One("NoNewPrivileges"));
        Assert.Equal("strict", One("ProtectSystem"));
        Assert.Equal("yes", One("PrivateTmp"));
        var workRoot = service["Environment"].Single(e => e.StartsWith("GITBOT_DataDirectory=", StringComparison.Ordinal)).Split('=')[1];
        Assert.Contains(workRoot, One("ReadWritePaths").Split(' '));
        Assert.Equal(workRoot, One("WorkingDirectory"));
        var grace = service["Environment"].Single(e => e.StartsWith("GITBOT_Scheduler__ShutdownGrace=", StringComparison.Ordinal)).Split('=')[1];
        Assert.True(DeployFiles.Duration(One("TimeoutStopSec")) > DeployFiles.Duration(grace));
        Assert.Equal("multi-user.target", Assert.Single(unit["Install"]["WantedBy"]));
    }

    [GeneratedRegex("(?m)^version=\"([^\"]+)\"")]
    private static partial Regex PinnedVersion();

    [GeneratedRegex("Secret|Password|ApiKey|ConnectionString|PrivateKey|Token", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
