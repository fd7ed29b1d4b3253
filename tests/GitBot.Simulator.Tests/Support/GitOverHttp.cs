using System.Text;
using GitBot.Git.Processes;

namespace GitBot.Simulator.Tests.Support;

/// <summary>
/// The real git CLI talking to the simulator over smart HTTP, through GitBot's process runner, with the installation
/// token handed to that one process as an <c>http.extraHeader</c> in its environment (never in a URL or a config file),
/// which is how GitBot runs git.
/// </summary>
public static class GitOverHttp
{
    private static readonly ProcessRunner Runner = new(TimeProvider.System);

    public static Dictionary<string, string> Environment(string? token)
    {
        var environment = new Dictionary<string, string>
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_ASKPASS"] = "/bin/false",
        };
        if (token is not null)
        {
            environment["GIT_CONFIG_COUNT"] = "1";
            environment["GIT_CONFIG_KEY_0"] = "http.extraHeader";
            environment["GIT_CONFIG_VALUE_0"] = "Authorization: Basic " + BasicCredentials(token);
        }

        return environment;
    }

    public static string BasicCredentials(string token) => Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));

    /// <summary>Runs git in <paramref name="directory"/> and returns the whole result (the caller asserts).</summary>
    public static Task<ProcessResult> RunAsync(string directory, string? token, params string[] args) =>
        Runner.RunAsync(new ProcessSpec("git",
            ["-c", "user.name=GitBot Test", "-c", "user.email=gitbot-test@example.invalid", .. args], directory,
            Environment(token), TimeSpan.FromMinutes(2)), CancellationToken.None);

    /// <summary>Runs git and asserts it succeeded; returns its trimmed stdout.</summary>
    public static async Task<string> GitAsync(string directory, string? token, params string[] args)
    {
        var result = await RunAsync(directory, token, args);
        Assert.True(result.Succeeded, $"git {string.Join(' ', args)} ({result.End}, exit {result.ExitCode}): {result.StandardError}{result.StartError}");
        return result.StandardOutput.Trim();
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> in the work tree and commits it; returns the commit.</summary>
    public static async Task<string> CommitAsync(string tree, string path, string content)
    {
        var file = Path.Combine(tree, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content);
        await GitAsync(tree, null, "add", "-A");
        await GitAsync(tree, null, "commit", "--quiet", "-m", $"Change {path}");
        return await GitAsync(tree, null, "rev-parse", "HEAD");
    }
}
