using System.Text.RegularExpressions;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Decides whether a label triggers GitBot: the configured trigger label itself (<c>agent</c>) or the trigger label
/// with a role pinned (<c>agent:backend</c>). The comparison ignores case, as GitHub label names do.
/// </summary>
public static partial class TriggerLabelMatcher
{
    /// <summary>The match, or null when <paramref name="label"/> is not a trigger label.</summary>
    /// <remarks>
    /// The pinned role is only checked for shape (<c>[a-z0-9_-]{1,32}</c>); whether such a role exists is the caller's
    /// question, so that an unknown role can be reported rather than silently ignored.
    /// </remarks>
    public static TriggerLabelMatch? Match(string label, string triggerLabel)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(triggerLabel);
        var trimmed = label.Trim();
        var trigger = triggerLabel.Trim();
        if (trigger.Length == 0 || !trimmed.StartsWith(trigger, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (trimmed.Length == trigger.Length)
        {
            return new TriggerLabelMatch(label, null);
        }

        if (trimmed[trigger.Length] != ':')
        {
            return null;
        }

        var role = trimmed[(trigger.Length + 1)..].Trim();
        return RoleShape().IsMatch(role) ? new TriggerLabelMatch(label, role.ToLowerInvariant()) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex RoleShape();
}
