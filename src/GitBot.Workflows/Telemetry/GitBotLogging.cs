using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace GitBot.Workflows.Telemetry;

/// <summary>
/// The console logging of <c>gitbot serve</c> and <c>gitbot worker</c>, chosen by <c>Logging:Format</c>:
/// <c>text</c> (the default: one readable line per entry, for terminals) or <c>json</c> (<see cref="JsonLogFormatter"/>,
/// one object per line with the ids of the work in hand, for log collectors). Any other value is treated as text.
/// </summary>
public static class GitBotLogging
{
    /// <summary>The setting naming the format.</summary>
    public const string FormatKey = "Logging:Format";

    /// <summary>True when <paramref name="configuration"/> asks for JSON lines.</summary>
    public static bool IsJson(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[FormatKey]?.Trim(), "json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Adds the console logger in the configured format. In JSON every line carries the delivery, job and run ids
    /// of the scopes it was written in.
    /// </summary>
    public static ILoggingBuilder AddGitBotConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        if (IsJson(configuration))
        {
            logging.AddConsole(console => console.FormatterName = JsonLogFormatter.FormatterName);
            logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>(options => options.IncludeScopes = true);
        }
        else
        {
            // Terminals get the short line; the ids are in the message templates, and in full in the JSON form.
            logging.AddSimpleConsole(console => console.SingleLine = true);
        }

        return logging;
    }
}
