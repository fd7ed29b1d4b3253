namespace GitBot.Workflows;

/// <summary>What a GitBot process does, which decides the services <c>AddGitBotWorkflows</c> registers.</summary>
public enum WorkflowHostRole
{
    /// <summary><c>gitbot serve</c>: webhook ingress, delivery dispatch, the periodic sweeps and job execution in one process.</summary>
    Serve,

    /// <summary><c>gitbot worker</c>: a worker node only. It runs jobs from the shared queue and serves no HTTP.</summary>
    Worker,
}
