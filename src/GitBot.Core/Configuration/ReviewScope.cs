namespace GitBot.Core.Configuration;

/// <summary>Which pull requests the review agents review on their own (on demand, any pull request can be reviewed).</summary>
public enum ReviewScope
{
    /// <summary><c>gitbot</c> (default): only GitBot's own pull requests (head branch under the branch prefix).</summary>
    GitBot,

    /// <summary><c>all</c>: every pull request of the repository (drafts of humans once they are ready for review).</summary>
    All,
}
