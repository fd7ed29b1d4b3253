namespace GitBot.Simulator;

/// <summary>A snapshot of a check run.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Name">Its name, e.g. <c>gitbot/security</c>.</param>
/// <param name="HeadSha">The commit it checks.</param>
/// <param name="Status"><c>queued</c>, <c>in_progress</c> or <c>completed</c>.</param>
/// <param name="Conclusion"><c>success</c>, <c>failure</c>, <c>neutral</c>, <c>cancelled</c>, … once completed.</param>
/// <param name="OutputTitle">The output's title as last sent.</param>
/// <param name="OutputSummary">The output's summary as last sent.</param>
/// <param name="OutputText">The output's text as last sent.</param>
/// <param name="AppId">The id of the GitHub App that created it.</param>
/// <param name="AppSlug">That App's slug (the simulated App's, or another App's from <c>CompleteCheckRunAsync</c>).</param>
/// <param name="Annotations">Every annotation sent, in order (they accumulate across updates).</param>
public sealed record SimulatedCheckRun(
    long Id, string Name, string HeadSha, string Status, string? Conclusion, string? OutputTitle, string? OutputSummary,
    string? OutputText, long AppId, string AppSlug, IReadOnlyList<SimulatedAnnotation> Annotations);
