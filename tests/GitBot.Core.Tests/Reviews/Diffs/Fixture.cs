using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Tests.Reviews.Diffs;

/// <summary>Reads diffs from Reviews/Diffs/Fixtures (copied next to the test assembly); real <c>git diff</c> output.</summary>
internal static class Fixture
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reviews", "Diffs", "Fixtures", name));

    public static ParsedDiff Parse(string name) => UnifiedDiffParser.Parse(Text(name));

    /// <summary>The lines of a file as "+12 text", "-3 text", " 3/4 text" (old/new), to compare whole hunks at once.</summary>
    public static string[] Render(DiffFile file) =>
        file.Lines.Select(l => l.Kind switch
        {
            DiffLineKind.Added => $"+{l.NewLine} {l.Text}",
            DiffLineKind.Removed => $"-{l.OldLine} {l.Text}",
            _ => $" {l.OldLine}/{l.NewLine} {l.Text}",
        } + (l.NoNewlineAtEnd ? " \\" : string.Empty)).ToArray();
}
