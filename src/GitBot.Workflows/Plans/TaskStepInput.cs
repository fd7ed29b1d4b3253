using GitBot.Core.Configuration;
using GitBot.Core.Plans;
using GitBot.Git.Repositories;

namespace GitBot.Workflows.Plans;

/// <summary>Everything one task run's agent step needs, gathered by <see cref="TaskRunner"/>.</summary>
public sealed record TaskStepInput(
    PlanRecord Plan,
    RepoConfig Config,
    TaskRecord Task,
    RoleDefinition Role,
    IReadOnlyList<TaskRecord> Predecessors,
    string IssueBody,
    string CachePath,
    GitCredential Credential,
    string LogPath,
    decimal SpentUsd);
