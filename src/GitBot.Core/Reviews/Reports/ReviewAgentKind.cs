namespace GitBot.Core.Reviews.Reports;

/// <summary>The review agents (<c>security</c>, <c>tests</c>, <c>judge</c>); each reports as check <c>gitbot/&lt;name&gt;</c>.</summary>
public enum ReviewAgentKind
{
    /// <summary>Deterministic scanners over the diff, then an LLM review of it.</summary>
    Security,

    /// <summary>Runs the repository's test command at the head and reports the results.</summary>
    Tests,

    /// <summary>Scores the change against the linked issue's acceptance criteria.</summary>
    Judge,
}
