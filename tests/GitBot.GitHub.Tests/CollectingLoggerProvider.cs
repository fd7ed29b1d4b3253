using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GitBot.GitHub.Tests;

/// <summary>
/// A real logger sink that keeps every formatted line, so tests can see what the connection decided (retry waits)
/// and prove that no secret reaches the log. <see cref="WaitForEventAsync"/> lets a test advance a fake clock exactly
/// when the code under test has started waiting.
/// </summary>
public sealed class CollectingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private readonly Lock _gate = new();
    private readonly List<(int EventId, int Count, TaskCompletionSource<LogLine> Signal)> _waiters = [];

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

    /// <summary>Completes once the <paramref name="count"/>-th line with <paramref name="eventId"/> has been written.</summary>
    public Task<LogLine> WaitForEventAsync(int eventId, int count = 1)
    {
        lock (_gate)
        {
            var existing = _lines.Where(l => l.EventId == eventId).ToList();
            if (existing.Count >= count)
            {
                return Task.FromResult(existing[count - 1]);
            }

            var signal = new TaskCompletionSource<LogLine>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((eventId, count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private void Write(LogLine line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            var seen = _lines.Count(l => l.EventId == line.EventId);
            foreach (var waiter in _waiters.Where(w => w.EventId == line.EventId && w.Count == seen).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult(line);
            }
        }
    }

    public sealed record LogLine(string Category, LogLevel Level, int EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
    {
        public T Get<T>(string key) => (T)State.First(p => p.Key == key).Value!;
    }

    private sealed class Logger(CollectingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Write(new LogLine(category, logLevel, eventId.Id, formatter(state, exception),
                state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }
}
