using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GitBot.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace GitBot.Workflows.Telemetry;

/// <summary>
/// The <c>Logging:Format=json</c> console formatter: one JSON object per line with <c>timestamp</c>, <c>level</c>,
/// <c>category</c>, <c>eventId</c> (the EventId name), <c>message</c>, the message template's named values and every
/// scope value flattened to top-level fields (names in camelCase: <c>DeliveryId</c> becomes <c>deliveryId</c>), plus
/// <c>traceId</c>/<c>spanId</c> of <see cref="Activity.Current"/> and <c>exception</c>.
/// </summary>
/// <remarks>
/// Guarantees: every string that reaches the line (message, values, exception) has been through
/// <see cref="SecretScrubber.Scrub"/>; a line never holds a raw newline (JSON escapes it), so one entry is one line.
/// The fixed fields win over values of the same name; among values, the innermost scope wins over outer ones and the
/// template's own values win over scopes. The GitHub event name of a delivery scope is <c>event</c>, which is why the
/// EventId name is <c>eventId</c>.
/// </remarks>
public sealed class JsonLogFormatter : ConsoleFormatter
{
    /// <summary>The formatter's name, for <c>ConsoleLoggerOptions.FormatterName</c>.</summary>
    public const string FormatterName = "gitbot-json";

    private static readonly HashSet<string> Reserved =
        new(["timestamp", "level", "category", "eventId", "message", "traceId", "spanId", "exception"], StringComparer.Ordinal);

    private readonly TimeProvider _time;

    /// <param name="time">The clock of <c>timestamp</c>; the system clock when the container has none.</param>
    public JsonLogFormatter(TimeProvider? time = null)
        : base(FormatterName) => _time = time ?? TimeProvider.System;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        scopeProvider?.ForEachScope(static (scope, fields) => AddAll(fields, scope as IEnumerable<KeyValuePair<string, object?>>), values);
        AddAll(values, logEntry.State as IEnumerable<KeyValuePair<string, object?>>);

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", _time.GetUtcNow());
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Name is { Length: > 0 } eventName)
            {
                json.WriteString("eventId", eventName);
            }

            json.WriteString("message", SecretScrubber.Scrub(message ?? string.Empty));
            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }

            foreach (var (name, value) in values)
            {
                if (!Reserved.Contains(name))
                {
                    json.WritePropertyName(name);
                    WriteValue(json, value);
                }
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", SecretScrubber.Scrub(exception.ToString()));
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    private static void AddAll(Dictionary<string, object?> fields, IEnumerable<KeyValuePair<string, object?>>? pairs)
    {
        if (pairs is null)
        {
            return;
        }

        foreach (var (key, value) in pairs)
        {
            if (key is { Length: > 0 } && key[0] != '{')
            {
                fields[CamelCase(key)] = value;
            }
        }
    }

    private static string CamelCase(string name) =>
        char.IsUpper(name[0]) ? string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1)) : name;

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int or long or short or byte or uint or ushort or sbyte:
                json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case DateTimeOffset time:
                json.WriteStringValue(time);
                break;
            default:
                json.WriteStringValue(SecretScrubber.Scrub(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
    }
}
