namespace GitBot.Core.Budgets;

/// <summary>Where an agent run outside a plan's tasks came from; plan tasks keep their costs on the task rows.</summary>
public enum SpendingSource
{
    /// <summary>An <c>/agent fix</c> run on a GitBot pull request.</summary>
    Fix,

    /// <summary>A coding-agent run answering a "request changes" review.</summary>
    Feedback,

    /// <summary>A review agent's model call (security, judge) on a GitBot pull request.</summary>
    Review,
}
