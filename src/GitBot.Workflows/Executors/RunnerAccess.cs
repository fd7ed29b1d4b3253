using GitBot.Core.Executors;
using GitBot.Core.Plans;

namespace GitBot.Workflows.Executors;

/// <summary>The result of checking a runner's call: the status, and on <see cref="RunnerCallStatus.Ok"/> what it is about.</summary>
public sealed record RunnerAccess(RunnerCallStatus Status, PlanSnapshot? Snapshot = null, TaskRecord? Task = null, TaskDispatch? Dispatch = null);
