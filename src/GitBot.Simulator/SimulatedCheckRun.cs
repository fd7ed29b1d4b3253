namespace GitBot.Simulator;

/// <summary>A snapshot of a check run.</summary>
public sealed record SimulatedCheckRun(
    long Id, string Name, string HeadSha, string Status, string? Conclusion, string? OutputTitle, string? OutputSummary);
