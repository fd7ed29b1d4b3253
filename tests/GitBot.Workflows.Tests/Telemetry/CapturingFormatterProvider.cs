using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace GitBot.Workflows.Tests.Telemetry;

/// <summary>
/// A logger provider that renders through a real <see cref="ConsoleFormatter"/> into a <see cref="StringWriter"/>,
/// as the console logger does, with the factory's own scopes.
/// </summary>
internal sealed class CapturingFormatterProvider(ConsoleFormatter formatter) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter _formatter = formatter;
    private readonly StringWriter _output = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public string[] Lines
    {
        get
        {
            lock (_output)
            {
                return _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _output.Dispose();

    private sealed class Logger(CapturingFormatterProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
            lock (provider._output)
            {
                provider._formatter.Write(in entry, provider._scopes, provider._output);
            }
        }
    }
}
