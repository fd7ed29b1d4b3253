using GitBot.Core.Plans;

namespace GitBot.Workflows.Plans;

/// <summary>The plan as it stands after an update, and whether this caller's change was the one applied.</summary>
/// <param name="Snapshot">The plan after the update (or as read, when nothing was applied); null when it does not exist.</param>
/// <param name="Applied">True when the change was written.</param>
public sealed record PlanUpdateResult(PlanSnapshot? Snapshot, bool Applied);
