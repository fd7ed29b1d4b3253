namespace GitBot.Simulator.State;

/// <summary>An installation of the App on an account, and the repositories it covers.</summary>
internal sealed class InstallationState(long id, UserState account, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public UserState Account { get; } = account;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public List<long> RepositoryIds { get; } = [];
}
