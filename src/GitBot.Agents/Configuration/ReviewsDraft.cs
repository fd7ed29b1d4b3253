using GitBot.Core.Configuration;
using GitBot.Core.Reviews.Reports;

namespace GitBot.Agents.Configuration;

/// <summary>What the <c>reviews:</c> section sets; null fields fall back to <see cref="ReviewSettings.Default"/>.</summary>
internal sealed class ReviewsDraft
{
    public ReviewScope? Scope { get; set; }

    /// <summary>The agents as listed (each valid and unique); null when not set or when the list has a problem.</summary>
    public List<ConfigListEntry<ReviewAgentKind>>? Agents { get; set; }

    /// <summary>True when <c>agents</c> was given but has a problem, so checks that depend on it are skipped.</summary>
    public bool AgentsInvalid { get; set; }

    public string? Model { get; set; }

    public bool? SecurityLlm { get; set; }

    public TimeSpan? TestTimeout { get; set; }
}
