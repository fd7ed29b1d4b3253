namespace GitBot.Simulator;

/// <summary>A check run annotation as sent: file, line range, level (<c>notice</c>, <c>warning</c>, <c>failure</c>), title and message.</summary>
public sealed record SimulatedAnnotation(string Path, int StartLine, int EndLine, string Level, string? Title, string Message);
