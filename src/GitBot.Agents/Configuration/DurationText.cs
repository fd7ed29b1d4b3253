using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GitBot.Agents.Configuration;

/// <summary>Durations as written in the config: <c>90s</c>, <c>30m</c>, <c>1h</c>, <c>1h30m</c> or a whole number of seconds.</summary>
internal static partial class DurationText
{
    public static TimeSpan? Parse(string text)
    {
        var trimmed = text.Trim();
        if (Seconds().IsMatch(trimmed))
        {
            return TimeSpan.FromSeconds(long.Parse(trimmed, CultureInfo.InvariantCulture));
        }

        var match = Units().Match(trimmed);
        if (trimmed.Length == 0 || !match.Success)
        {
            return null;
        }

        return TimeSpan.FromHours(Part(match, "h")) + TimeSpan.FromMinutes(Part(match, "m")) + TimeSpan.FromSeconds(Part(match, "s"));
    }

    public static string Format(TimeSpan value)
    {
        var text = new StringBuilder();
        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }

        if (value.Minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Minutes}m");
        }

        if (value.Seconds > 0 || text.Length == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Seconds}s");
        }

        return text.ToString();
    }

    private static long Part(Match match, string group) =>
        match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    // Seven digits at most: large enough for any sensible limit, small enough that no arithmetic overflows.
    [GeneratedRegex(@"^[0-9]{1,7}$")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,7})h)?(?:(?<m>[0-9]{1,7})m)?(?:(?<s>[0-9]{1,7})s)?$")]
    private static partial Regex Units();
}
