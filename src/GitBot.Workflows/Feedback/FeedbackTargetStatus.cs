namespace GitBot.Workflows.Feedback;

/// <summary>Whether a pull request's head branch is one feedback can go to.</summary>
public enum FeedbackTargetStatus
{
    /// <summary>A GitBot branch (<c>{branch_prefix}/{issue}</c>) with a usable configuration.</summary>
    Target,

    /// <summary>Not a GitBot branch: nothing runs.</summary>
    NotGitBotBranch,

    /// <summary>The configuration could not be read from GitHub (worth retrying).</summary>
    ConfigUnreadable,

    /// <summary>The repository's configuration does not parse: nothing runs until it is fixed.</summary>
    ConfigInvalid,
}
