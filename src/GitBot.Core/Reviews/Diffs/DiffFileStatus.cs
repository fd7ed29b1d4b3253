namespace GitBot.Core.Reviews.Diffs;

/// <summary>How a file changed. Mode-only changes are <see cref="Modified"/> with no hunks.</summary>
public enum DiffFileStatus
{
    Modified,
    Added,
    Removed,
    Renamed,
    Copied,
}
