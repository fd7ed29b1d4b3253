using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Commands;

/// <summary>
/// Limits how many comments with <c>/agent</c> commands are acted on per issue or pull request: at most
/// <see cref="CommandOptions.BurstLimit"/> per fixed window of <see cref="CommandOptions.BurstWindow"/> (the window
/// starts with the first comment after the previous one ended). Of the comments over the limit, only the first in a
/// window gets a notice; the rest are dropped without a reaction or a reply, so a burst of 100 yields at most
/// <c>BurstLimit</c> answers and one notice. Help and status count like any other command.
/// </summary>
/// <remarks>
/// The count is kept in memory on each node: a cluster of N nodes lets up to N × <c>BurstLimit</c> through per window,
/// and a restart forgets the counts. A limit shared through the database is future work. Thread-safe.
/// </remarks>
public sealed class CommandThrottle(TimeProvider time, IOptions<CommandOptions> options)
{
    /// <summary>Above this many tracked issues, windows that have ended are dropped so the map stays small.</summary>
    private const int PruneAbove = 1024;

    private readonly ConcurrentDictionary<(string Repository, int Number), Window> _windows = new();

    /// <summary>Counts one comment with commands on <paramref name="repository"/>#<paramref name="number"/> and says what to do with it.</summary>
    public CommandThrottleDecision Admit(string repository, int number)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var limit = Math.Max(1, options.Value.BurstLimit);
        var length = options.Value.BurstWindow > TimeSpan.Zero ? options.Value.BurstWindow : TimeSpan.FromMinutes(1);
        var now = time.GetUtcNow();
        if (_windows.Count > PruneAbove)
        {
            Prune(now, length);
        }

        // Repository names are case-insensitive on GitHub; one key per issue whatever the casing of the event.
        var window = _windows.GetOrAdd((repository.ToUpperInvariant(), number), _ => new Window());
        lock (window)
        {
            if (window.Count == 0 || now >= window.Start + length)
            {
                window.Start = now;
                window.Count = 0;
                window.Noticed = false;
            }

            window.Count++;
            if (window.Count <= limit)
            {
                return CommandThrottleDecision.Allowed;
            }

            if (window.Noticed)
            {
                return CommandThrottleDecision.Silent;
            }

            window.Noticed = true;
            return CommandThrottleDecision.Notice;
        }
    }

    /// <summary>The notice given once per window when <paramref name="number"/> goes over the limit.</summary>
    public static string Notice(int number) =>
        $"Too many commands on #{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}: the next ones in the coming minute are ignored; try again later.";

    private void Prune(DateTimeOffset now, TimeSpan length)
    {
        foreach (var (key, window) in _windows)
        {
            bool ended;
            lock (window)
            {
                ended = now >= window.Start + length;
            }

            if (ended)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; }

        public int Count { get; set; }

        public bool Noticed { get; set; }
    }
}
