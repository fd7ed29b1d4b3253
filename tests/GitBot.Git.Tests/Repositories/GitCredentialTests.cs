using System.Net;
using System.Text;
using GitBot.Git.Repositories;
using GitBot.Testing;

namespace GitBot.Git.Tests.Repositories;

public sealed class GitCredentialTests
{
    // Shaped like an installation token (the scrubber knows that shape) and a plain one (only the literal replace catches it).
    private const string InstallationToken = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
    private const string PlainToken = "plain-secret-value-3141592653";

    [Fact]
    public void ToString_never_shows_the_token()
    {
        var credential = new GitCredential(PlainToken);

        Assert.DoesNotContain(PlainToken, credential.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PlainToken, $"{credential}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_reaches_git_only_through_its_environment_never_argv_or_config()
    {
        using var tools = new TempDirectory("gitbot-spy");
        var log = Path.Combine(tools.Path, "spy");
        var wrapper = Path.Combine(tools.Path, "git-spy.sh");
        await GitSandbox.WriteExecutableAsync(wrapper,
            $"#!/bin/sh\nprintf 'ARG %s\\n' \"$@\" >> '{log}'\nenv | sed 's/^/ENV /' >> '{log}'\nexec git \"$@\"\n");
        using var spied = await GitSandbox.CreateAsync(o => o.GitExecutable = wrapper);
        var credential = new GitCredential(PlainToken);

        var cache = await spied.Mirrors.EnsureAsync("octo/repo", spied.OriginPath, credential, CancellationToken.None);
        var (worktree, sha) = await BranchPusherTests.CommitSomethingAsync(spied, "gitbot/1/1");
        var push = await new BranchPusher(spied.Cli).PushAsync(cache.Value!, sha, "gitbot/1/1", "main", "gitbot/", credential, CancellationToken.None);
        Assert.True(push.Succeeded, push.Error);

        var lines = await File.ReadAllLinesAsync(log);
        var header = "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + PlainToken));
        Assert.Contains(lines, l => l.StartsWith("ARG push", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Where(l => l.StartsWith("ARG ", StringComparison.Ordinal)), l => l.Contains(PlainToken, StringComparison.Ordinal) || l.Contains(header, StringComparison.Ordinal));
        Assert.Contains($"ENV GIT_CONFIG_VALUE_0={header}", lines);
        Assert.Contains("ENV GIT_TERMINAL_PROMPT=0", lines);
        Assert.Contains("ENV GIT_CONFIG_NOSYSTEM=1", lines);
        Assert.Contains("ENV GIT_CONFIG_GLOBAL=/dev/null", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("ENV GIT_TRACE", StringComparison.Ordinal));
        // Only the processes given the credential saw it: the commit and worktree processes did not.
        Assert.True(lines.Count(l => l.Contains(header, StringComparison.Ordinal)) <= 2);

        foreach (var file in Directory.EnumerateFiles(spied.Options.WorkRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/objects/", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(PlainToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(header, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(PlainToken, await File.ReadAllTextAsync(Path.Combine(cache.Value!, "config")), StringComparison.Ordinal);
        Assert.Equal(spied.OriginPath, await spied.GitAsync(cache.Value, "config", "--get", "remote.origin.url"));
        Assert.NotNull(worktree);
    }

    [Theory]
    [InlineData(InstallationToken)]
    [InlineData(PlainToken)]
    public async Task Error_text_never_contains_the_token(string token)
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var credential = new GitCredential(token);

        // git names the URL in its error, and this URL holds the token: the error must still not show it.
        var failed = await sandbox.Mirrors.EnsureAsync("octo/leak", Path.Combine(sandbox.Root, "missing-" + token), credential, CancellationToken.None);

        Assert.False(failed.Succeeded);
        Assert.Contains("git clone failed", failed.Error, StringComparison.Ordinal);
        Assert.Contains("missing-", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(token, failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_http_the_token_is_sent_as_a_basic_authorization_header_and_git_never_prompts()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var port = FreePort.Next();
        // Closed once, below, not Stop() and then Dispose(): on Linux the second call binds the port again to remove the
        // prefix, and fails when another process took the freed port in between ("Address already in use").
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var seen = new List<string?>();
        var serve = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                lock (seen)
                {
                    seen.Add(context.Request.Headers["Authorization"]);
                }

                context.Response.StatusCode = 401;
                context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"test\"");
                context.Response.Close();
            }
        });

        GitOperationResult<string> result;
        try
        {
            result = await sandbox.Mirrors.EnsureAsync(
                "octo/http", $"http://127.0.0.1:{port}/octo/http.git", new GitCredential(InstallationToken), CancellationToken.None);
        }
        finally
        {
            listener.Close();
        }

        await serve;

        Assert.False(result.Succeeded);
        Assert.DoesNotContain(InstallationToken, result.Error, StringComparison.Ordinal);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + InstallationToken));
        lock (seen)
        {
            Assert.NotEmpty(seen);
            Assert.All(seen, h => Assert.Equal(expected, h));
        }
    }
}
