using GitBot.Core.Text;
using GitBot.Git.Processes;
using Microsoft.Extensions.Options;

namespace GitBot.Git.Repositories;

/// <summary>
/// Runs git through <see cref="ProcessRunner"/> in an environment GitBot controls. Guarantees: the machine's system and
/// user git configuration never apply (HOME is GitBot's own directory, no global or system config); git never prompts
/// (no terminal prompt, no askpass, no credential helper); hooks never run; every commit carries the bot identity;
/// a <see cref="GitCredential"/> reaches only the process it is passed to, through its environment, and is removed
/// from the output returned (stderr is also scrubbed of anything that looks like a secret).
/// </summary>
public sealed class GitCli
{
    private readonly ProcessRunner _runner;
    private readonly GitOptions _options;
    private readonly Lazy<string> _home;

    public GitCli(ProcessRunner runner, IOptions<GitOptions> options)
    {
        _runner = runner;
        _options = options.Value;
        _home = new Lazy<string>(() =>
        {
            var home = _options.HomeDirectory;
            Directory.CreateDirectory(home);
            return home;
        });
    }

    internal GitOptions Options => _options;

    /// <summary>Runs <c>git</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> to its end.</summary>
    public async Task<ProcessResult> RunAsync(
        string? workingDirectory,
        IReadOnlyList<string> arguments,
        GitCredential? credential,
        CancellationToken cancellationToken)
    {
        var spec = new ProcessSpec(
            _options.GitExecutable,
            arguments,
            workingDirectory,
            BuildEnvironment(credential),
            _options.CommandTimeout);
        var result = await _runner.RunAsync(spec, cancellationToken);
        var stdout = credential is null ? result.StandardOutput : credential.Redact(result.StandardOutput);
        var stderr = credential is null ? result.StandardError : credential.Redact(result.StandardError);
        return result with { StandardOutput = stdout, StandardError = SecretScrubber.Scrub(stderr) };
    }

    private Dictionary<string, string> BuildEnvironment(GitCredential? credential)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = _home.Value,
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_ASKPASS"] = string.Empty,
            ["LC_ALL"] = "C",
            ["GIT_AUTHOR_NAME"] = _options.CommitterName,
            ["GIT_AUTHOR_EMAIL"] = _options.CommitterEmail,
            ["GIT_COMMITTER_NAME"] = _options.CommitterName,
            ["GIT_COMMITTER_EMAIL"] = _options.CommitterEmail,
        };

        // Command-line scoped configuration, through the environment so that nothing lands in argv or a config file.
        var settings = new List<(string Key, string Value)>();
        if (credential is not null)
        {
            settings.Add(("http.extraHeader", credential.AuthorizationHeader));
        }

        settings.Add(("credential.helper", string.Empty));
        settings.Add(("core.hooksPath", "/dev/null"));
        // A detached auto-gc would outlive the process tree the runner guarantees to kill.
        settings.Add(("gc.autoDetach", "false"));
        settings.Add(("advice.detachedHead", "false"));
        for (var i = 0; i < settings.Count; i++)
        {
            environment[$"GIT_CONFIG_KEY_{i}"] = settings[i].Key;
            environment[$"GIT_CONFIG_VALUE_{i}"] = settings[i].Value;
        }

        environment["GIT_CONFIG_COUNT"] = settings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return environment;
    }
}
