using System.Text;

namespace GitBot.Core.Commands;

/// <summary>
/// The invisible characters a command line is read without: zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and
/// bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C). Stripping them makes what runs the
/// same as what readers see: <c>/agent mer&#x200B;ge</c> is <c>merge</c>, and a reversed <c>egrem</c> is not.
/// </summary>
internal static class InvisibleCharacters
{
    public static bool IsZeroWidth(char c) => c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF';

    public static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    public static bool IsInvisible(char c) => IsZeroWidth(c) || IsBidiControl(c);

    /// <summary>The text without invisible characters (the same instance when it has none).</summary>
    public static string Strip(string text)
    {
        var first = 0;
        while (first < text.Length && !IsInvisible(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        result.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (!IsInvisible(text[i]))
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// True when a zero-width character comes before the first visible character of the line (only spaces, tabs and
    /// invisible characters precede it). GitBot's own output puts U+200B there to keep quoted <c>/agent</c> lines
    /// inert (see <c>ReviewTextSanitizer</c>), and anyone copying that output copies the breaker with it.
    /// </summary>
    public static bool ZeroWidthBeforeText(string line)
    {
        foreach (var c in line)
        {
            if (IsZeroWidth(c))
            {
                return true;
            }

            if (c is not ' ' and not '\t' && !IsBidiControl(c))
            {
                return false;
            }
        }

        return false;
    }
}
