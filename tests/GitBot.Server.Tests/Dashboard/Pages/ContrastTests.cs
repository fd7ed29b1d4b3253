using System.Globalization;
using System.Text.RegularExpressions;
using GitBot.Core.Plans;
using GitBot.Server.Dashboard.Pages;

namespace GitBot.Server.Tests.Dashboard.Pages;

/// <summary>
/// The dashboard's colours, read from its real style sheet and measured with WCAG 2.2's contrast ratio: text at least
/// 4.5:1 on whatever it sits on (1.4.3), and the state outlines of graph nodes and legend swatches at least 3:1 against
/// the white page (1.4.11, non-text contrast).
/// </summary>
public sealed class ContrastTests
{
    private const string White = "#ffffff";

    [Fact]
    public void Body_text_links_headers_and_gate_words_reach_4_5_to_1()
    {
        var css = DashboardCss.Text;
        var text = Colour(css, @"body\{[^}]*?color:(#[0-9a-f]{3,6})");
        Assert.True(Ratio(text, White) >= 4.5, $"body text {text} on white: {Ratio(text, White):F2}");
        var link = Colour(css, @"a\{color:(#[0-9a-f]{3,6})");
        Assert.True(Ratio(link, White) >= 4.5, $"links {link}: {Ratio(link, White):F2}");
        var header = Colour(css, @"th\{background:(#[0-9a-f]{3,6})");
        Assert.True(Ratio(text, header) >= 4.5, $"table headers: {Ratio(text, header):F2}");
        foreach (var gate in new[] { "success", "failure" })
        {
            var colour = Colour(css, $@"\[data-gate={gate}\]\{{color:(#[0-9a-f]{{3,6}})");
            Assert.True(Ratio(colour, White) >= 4.5, $"gate {gate} {colour}: {Ratio(colour, White):F2}");
        }
    }

    [Fact]
    public void Every_task_state_has_readable_text_on_its_tint_and_an_outline_that_stands_out()
    {
        var css = DashboardCss.Text;
        var text = Colour(css, @"svg text\{fill:(#[0-9a-f]{3,6})");
        foreach (var state in Enum.GetValues<TaskState>())
        {
            var rule = Regex.Match(css, $@"rect\.state-{state},span\.state-{state}\{{fill:(#[0-9a-f]{{6}});background:#[0-9a-f]{{6}};stroke:(#[0-9a-f]{{6}})");
            Assert.True(rule.Success, $"no colour rule for state {state}");
            var (fill, stroke) = (rule.Groups[1].Value, rule.Groups[2].Value);
            Assert.True(Ratio(text, fill) >= 4.5, $"{state}: text {text} on {fill} is {Ratio(text, fill):F2}:1");
            Assert.True(Ratio(stroke, White) >= 3, $"{state}: outline {stroke} on the page is {Ratio(stroke, White):F2}:1");
        }
    }

    [Fact]
    public void The_ratio_is_wcags()
    {
        Assert.Equal(21.0, Ratio("#000000", White), 2);
        Assert.Equal(1.0, Ratio("#777777", "#777777"), 2);
        Assert.Equal(4.48, Ratio("#777777", White), 2);
    }

    private static string Colour(string css, string pattern)
    {
        var match = Regex.Match(css, pattern);
        Assert.True(match.Success, $"the style sheet has no match for {pattern}");
        return match.Groups[1].Value;
    }

    /// <summary>WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05) of two sRGB colours.</summary>
    private static double Ratio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var digits = hex.TrimStart('#');
        if (digits.Length == 3)
        {
            digits = string.Concat(digits.Select(c => new string(c, 2)));
        }

        double Channel(int offset)
        {
            var value = int.Parse(digits.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }
}
