using System.Text;
using System.Text.Json;

namespace GitBot.GitHub.Webhooks;

/// <summary>
/// A single forward pass of <see cref="Utf8JsonReader"/> over a webhook body. Only the top level and the
/// <c>installation</c> and <c>repository</c> objects are looked into; every other value is skipped without being
/// materialized. The whole body is still read to its end, so a body it accepts is well-formed JSON. It allocates
/// only the <c>repository.full_name</c> string (and the <c>action</c> string when it is not one GitHub commonly
/// sends). Duplicate keys resolve to the last one, as the deserializer does.
/// </summary>
internal static class WebhookEnvelopeReader
{
    // Actions of the events GitBot handles; a match returns the cached string instead of allocating a new one.
    private static readonly (byte[] Utf8, string Text)[] KnownActions =
    [
        .. new[]
        {
            "created", "opened", "edited", "deleted", "closed", "reopened", "labeled", "unlabeled", "assigned",
            "unassigned", "synchronize", "submitted", "dismissed", "completed", "requested", "rerequested",
            "requested_action", "in_progress", "added", "removed", "suspend", "unsuspend",
            "new_permissions_accepted", "ready_for_review", "converted_to_draft", "review_requested",
            "review_request_removed", "locked", "unlocked", "pinned", "unpinned", "milestoned", "demilestoned",
            "transferred", "enqueued", "dequeued", "auto_merge_enabled", "auto_merge_disabled",
        }.Select(a => (Encoding.UTF8.GetBytes(a), a)),
    ];

    public static WebhookEnvelope Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return WebhookEnvelope.Malformed("The payload is not a JSON object.");
            }

            string? action = null;
            long? installationId = null;
            string? repositoryFullName = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("action"u8))
                {
                    reader.Read();
                    if (!TryReadString(ref reader, out action, intern: true))
                    {
                        return WebhookEnvelope.Malformed("action is not a string.");
                    }
                }
                else if (reader.ValueTextEquals("installation"u8))
                {
                    reader.Read();
                    if (!TryReadMember(ref reader, "id"u8, out var idReader))
                    {
                        return WebhookEnvelope.Malformed("installation is not an object.");
                    }

                    installationId = null;
                    if (idReader.TokenType != JsonTokenType.None)
                    {
                        if (idReader.TokenType != JsonTokenType.Number || !idReader.TryGetInt64(out var id))
                        {
                            return WebhookEnvelope.Malformed("installation.id is not an integer.");
                        }

                        installationId = id;
                    }
                }
                else if (reader.ValueTextEquals("repository"u8))
                {
                    reader.Read();
                    if (!TryReadMember(ref reader, "full_name"u8, out var nameReader))
                    {
                        return WebhookEnvelope.Malformed("repository is not an object.");
                    }

                    repositoryFullName = null;
                    if (nameReader.TokenType != JsonTokenType.None &&
                        !TryReadString(ref nameReader, out repositoryFullName, intern: false))
                    {
                        return WebhookEnvelope.Malformed("repository.full_name is not a string.");
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // The loop ends on the closing brace; reading on must find nothing but whitespace.
            if (reader.Read())
            {
                return WebhookEnvelope.Malformed("The payload has content after its JSON object.");
            }

            return new WebhookEnvelope(action, installationId, repositoryFullName, null);
        }
        catch (JsonException ex)
        {
            return WebhookEnvelope.Malformed(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString throws this for invalid UTF-8 inside a string.
            return WebhookEnvelope.Malformed(ex.Message);
        }
    }

    /// <summary>
    /// With <paramref name="reader"/> on an object (or null), skips to its end and returns a copy of the reader
    /// positioned on the last value of <paramref name="name"/> (TokenType None when absent or the object is null).
    /// </summary>
    private static bool TryReadMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out Utf8JsonReader value)
    {
        value = default;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = reader.ValueTextEquals(name);
            reader.Read();
            if (matches)
            {
                value = reader;
            }

            reader.Skip();
        }

        return true;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, out string? value, bool intern)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                value = intern ? Known(ref reader) ?? reader.GetString() : reader.GetString();
                return true;
            default:
                reader.Skip();
                return false;
        }
    }

    private static string? Known(ref Utf8JsonReader reader)
    {
        foreach (var (utf8, text) in KnownActions)
        {
            if (reader.ValueTextEquals(utf8))
            {
                return text;
            }
        }

        return null;
    }
}
