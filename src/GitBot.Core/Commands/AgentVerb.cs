namespace GitBot.Core.Commands;

/// <summary>The verbs of <c>/agent &lt;verb&gt; [args]</c>.</summary>
public enum AgentVerb
{
    /// <summary><c>help</c>: what the commands are and who may use them. Open to all.</summary>
    Help,

    /// <summary><c>status</c>: plan, tasks, checks, gate, cost so far. Open to all.</summary>
    Status,

    /// <summary><c>plan</c>: plan the issue again.</summary>
    Plan,

    /// <summary><c>approve</c>: approve the plan.</summary>
    Approve,

    /// <summary><c>retry [task]</c>: run failed tasks (or one) again.</summary>
    Retry,

    /// <summary><c>fix &lt;instructions&gt;</c>: the coding agent applies the change on the PR branch.</summary>
    Fix,

    /// <summary><c>review [security|tests|judge]</c>: run the review agents (or one) on the head.</summary>
    Review,

    /// <summary><c>rebase</c>: update the branch from the base; conflicts make it needs-human.</summary>
    Rebase,

    /// <summary><c>cancel</c>: stop everything running for this issue or PR, committing work in progress.</summary>
    Cancel,

    /// <summary><c>merge</c>: merge through the gate only.</summary>
    Merge,

    /// <summary><c>budget &lt;usd&gt;</c>: set this budget (what is left is it minus what was spent).</summary>
    Budget,
}
