namespace GitBot.Core.Reviews.Diffs;

/// <summary>What a line of a hunk is: unchanged, added on the new side, or removed from the old side.</summary>
public enum DiffLineKind
{
    Context,
    Added,
    Removed,
}
