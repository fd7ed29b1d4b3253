namespace GitBot.Agents.Configuration;

/// <summary>A list item that was read cleanly, with where it stands, for checks made once the whole file is read.</summary>
/// <param name="Value">The item.</param>
/// <param name="Path">Its key path, e.g. <c>reviews.agents[1]</c>.</param>
/// <param name="Line">Its 1-based line.</param>
internal sealed record ConfigListEntry<T>(T Value, string Path, int Line);
