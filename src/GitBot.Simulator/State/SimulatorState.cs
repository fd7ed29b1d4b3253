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

    /// <summary>GitHub Apps other than the simulated one (CI systems and the like), by slug; they create check runs too.</summary>
    public Dictionary<string, SimulatedApp> OtherApps { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>
    /// The account with this login, created on first sight as a <c>User</c> (a <c>Bot</c> when the login ends in
    /// <c>[bot]</c>, as every GitHub App's account does). Call under <see cref="Gate"/>.
    /// </summary>
    public UserState User(string login, string type = "User")
    {
        if (!Users.TryGetValue(login, out var user))
        {
            user = new UserState(NextId(), login, login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) ? "Bot" : type);
            Users[login] = user;
        }

        return user;
    }

    /// <summary>
    /// Makes <paramref name="login"/> a <c>Bot</c> account (keeping its id if it already exists); what it does from now on
    /// carries <c>sender.type: "Bot"</c>. Call under <see cref="Gate"/>.
    /// </summary>
    public UserState Bot(string login)
    {
        var user = Users.TryGetValue(login, out var existing) ? existing with { Type = "Bot" } : new UserState(NextId(), login, "Bot");
        Users[login] = user;
        return user;
    }

    public RepositoryState? Repository(long id) => Repositories.Values.FirstOrDefault(r => r.Id == id);
}
