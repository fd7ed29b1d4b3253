using System.Globalization;

namespace GitBot.Cli.Action;

/// <summary>
/// What <c>gitbot run-event</c> reads from an Actions job's environment: the runner's <c>GITHUB_*</c> and
/// <c>RUNNER_TEMP</c> variables and the action's inputs (<c>INPUT_&lt;NAME&gt;</c> as a Docker action gets them, or
/// <c>GITBOT_ACTION_&lt;NAME&gt;</c> as the composite action passes them). <see cref="Token"/> and
/// <see cref="AnthropicApiKey"/> are secrets: never printed (<see cref="ToString"/> leaves them out).
/// </summary>
public sealed record ActionSettings(
    string EventName,
    string EventPath,
    string Repository,
    Uri ApiUrl,
    Uri ServerUrl,
    string Token,
    string? Workspace,
    string StateDirectory,
    string? OutputPath,
    string? StepSummaryPath,
    string DeliveryId,
    TimeSpan Timeout,
    decimal? BudgetUsd,
    string? Model,
    string? AnthropicApiKey)
{
    /// <summary>The <c>config-path</c> input: the repository configuration file read (from the default branch) instead of <c>.github/gitbot.yml</c>; null = that file.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The overlay built from the <c>role-overrides</c> and <c>model</c> inputs (<c>Agents:ConfigOverlay</c>); null = none.</summary>
    public string? ConfigOverlay { get; init; }

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(60);

    /// <summary>The settings, or every problem found (each names the variable or input to fix).</summary>
    public static (ActionSettings? Settings, IReadOnlyList<string> Problems) Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        string Required(string name)
        {
            var value = environment(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{name} is not set (gitbot run-event runs inside a GitHub Actions job, which sets it).");
                return string.Empty;
            }

            return value;
        }

        var eventName = Required("GITHUB_EVENT_NAME");
        var eventPath = Required("GITHUB_EVENT_PATH");
        var repository = Required("GITHUB_REPOSITORY");
        var token = environment("GITHUB_TOKEN") is { Length: > 0 } t ? t : Input(environment, "github-token");
        if (string.IsNullOrWhiteSpace(token))
        {
            problems.Add("GITHUB_TOKEN is not set: pass the github-token input (default ${{ github.token }}).");
        }

        if (eventPath.Length > 0 && !File.Exists(eventPath))
        {
            problems.Add($"GITHUB_EVENT_PATH '{eventPath}' does not exist.");
        }

        if (repository.Length > 0 && repository.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            problems.Add($"GITHUB_REPOSITORY '{repository}' is not owner/name.");
        }

        var api = Url(environment, "GITHUB_API_URL", "https://api.github.com", problems);
        var server = Url(environment, "GITHUB_SERVER_URL", "https://github.com", problems);
        var configPath = ActionOverlay.ConfigPath(Input(environment, "config-path"), problems);
        var overlay = ActionOverlay.Overlay(InputText(environment, "role-overrides"), Input(environment, "model"), problems);

        var timeout = DefaultTimeout;
        if (Input(environment, "timeout-minutes") is { Length: > 0 } minutes)
        {
            if (double.TryParse(minutes, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0)
            {
                timeout = TimeSpan.FromMinutes(m);
            }
            else
            {
                problems.Add($"timeout-minutes '{minutes}' is not a positive number.");
            }
        }

        decimal? budget = null;
        if (Input(environment, "budget-usd") is { Length: > 0 } usd)
        {
            if (decimal.TryParse(usd, NumberStyles.Number, CultureInfo.InvariantCulture, out var b) && b > 0)
            {
                budget = b;
            }
            else
            {
                problems.Add($"budget-usd '{usd}' is not a positive amount of US dollars.");
            }
        }

        var temp = environment("RUNNER_TEMP") is { Length: > 0 } runnerTemp ? runnerTemp : Path.GetTempPath();
        var state = Input(environment, "state-directory") is { Length: > 0 } given ? given : Path.Combine(temp, "gitbot");
        var runId = environment("GITHUB_RUN_ID") is { Length: > 0 } id ? id : "local";
        var attempt = environment("GITHUB_RUN_ATTEMPT") is { Length: > 0 } a ? a : "1";
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new ActionSettings(eventName, eventPath, repository, api!, server!, token!, Empty(environment("GITHUB_WORKSPACE")),
            Path.GetFullPath(state), Empty(environment("GITHUB_OUTPUT")), Empty(environment("GITHUB_STEP_SUMMARY")),
            $"actions-{runId}-{attempt}", timeout, budget, Input(environment, "model"), Input(environment, "anthropic-api-key"))
        {
            ConfigPath = configPath,
            ConfigOverlay = overlay,
        }, problems);
    }

    /// <summary>An input as a Docker action receives it (<c>INPUT_BUDGET-USD</c>), else as the composite action passes it (<c>GITBOT_ACTION_BUDGET_USD</c>).</summary>
    public static string? Input(Func<string, string?> environment, string name)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(name);
        var upper = name.ToUpperInvariant();
        return Empty(environment("INPUT_" + upper)) ?? Empty(environment("GITBOT_ACTION_" + upper.Replace('-', '_')));
    }

    /// <summary>A multi-line input (YAML) as given: only surrounding blank lines are dropped, the indentation is kept.</summary>
    private static string? InputText(Func<string, string?> environment, string name)
    {
        var upper = name.ToUpperInvariant();
        var text = environment("INPUT_" + upper) is { } docker && !string.IsNullOrWhiteSpace(docker)
            ? docker
            : environment("GITBOT_ACTION_" + upper.Replace('-', '_'));
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim('\r', '\n');
    }

    public override string ToString() =>
        $"{EventName} on {Repository} (API {ApiUrl}, delivery {DeliveryId}, state in {StateDirectory}, timeout {Timeout})";

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? Url(Func<string, string?> environment, string name, string fallback, List<string> problems)
    {
        var text = Empty(environment(name)) ?? fallback;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        problems.Add($"{name} '{text}' is not an absolute http(s) URL.");
        return null;
    }
}
