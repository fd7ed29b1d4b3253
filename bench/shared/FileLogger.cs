using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GitBot.Bench;

/// <summary>Writes every log line with a UTC timestamp (ms) to one file, so pipeline gaps can be read off it.</summary>
internal sealed class FileLoggerProvider(StreamWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose() => writer.Dispose();

    internal void Write(string category, LogLevel level, string message, Exception? exception)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{TimeProvider.System.GetUtcNow():HH:mm:ss.fff} {level.ToString()[..4]} {category}: {message}{(exception is null ? "" : " | " + exception.Message)}");
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }

    private sealed class FileLogger(FileLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Write(category, logLevel, formatter(state, exception), exception);
    }
}
