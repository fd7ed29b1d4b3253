using System.Globalization;

namespace GitBot.Server.Dashboard.Pages;

/// <summary>Durations, tokens, money and times, the same whatever the server's culture.</summary>
public static class DashboardFormat
{
    /// <summary><c>$1.25</c>; fractions of a cent keep up to four decimals (<c>$0.0012</c>).</summary>
    public static string Money(decimal usd) => "$" + usd.ToString("#,0.00##", CultureInfo.InvariantCulture);

    /// <summary><c>1,234,567</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary><c>45s</c>, <c>3m 05s</c>, <c>2h 07m</c>; negative durations (clock skew) show as 0s.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalHours}h {duration.Minutes:00}m")
            : duration.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m {duration.Seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds}s");
    }

    /// <summary><c>2026-11-22 12:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
