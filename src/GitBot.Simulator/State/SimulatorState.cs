namespace GitBot.Simulator.State;

/// <summary>
/// Everything the simulated GitHub knows. One lock (<see cref="Gate"/>) guards all of it: requests are short and the
/// simulator serves tests, so simplicity and obvious correctness beat fine-grained locking.
/// </summary>
internal sealed class SimulatorState
{
    private long _nextId = 1000;

    public object Gate { get; } = new();

    public Dictionary<long, InstallationState> Installations { get; } = [];

    public Dictionary<string, RepositoryState> Repositories { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, UserState> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>The account with this login, created as a <c>User</c> on first sight. Call under <see cref="Gate"/>.</summary>
    public UserState User(string login, string type = "User")
    {
        if (!Users.TryGetValue(login, out var user))
        {
            user = new UserState(NextId(), login, type);
            Users[login] = user;
        }

        return user;
    }

    public RepositoryState? Repository(long id) => Repositories.Values.FirstOrDefault(r => r.Id == id);
}
