using System.Text;
using GitBot.Core.Text;

namespace GitBot.Workflows.Reviews.Testing;

/// <summary>
/// The last lines of a command's stdout and stderr in the order they arrived (the two streams interleaved as the
/// runner delivered them). Memory is bounded: at most <c>maxLines</c> lines of at most <see cref="MaxLineChars"/> each.
/// Safe for the runner's concurrent stdout and stderr callbacks.
/// </summary>
internal sealed class OutputTail(int maxLines, int maxChars)
{
    public const int MaxLineChars = 2000;

    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private long _dropped;

    public ValueTask AddAsync(string line)
    {
        var kept = line.Length <= MaxLineChars ? line : line[..MaxLineChars] + " [... line truncated]";
        lock (_lock)
        {
            _lines.Enqueue(kept);
            while (_lines.Count > Math.Max(1, maxLines))
            {
                _lines.Dequeue();
                _dropped++;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The kept lines, scrubbed of secrets and then cut to their last <c>maxChars</c> characters (at a line start when
    /// one is near). Scrubbing before cutting means a cut can never leave an unrecognisable piece of a token.
    /// </summary>
    public override string ToString()
    {
        string text;
        long dropped;
        lock (_lock)
        {
            text = string.Join('\n', _lines);
            dropped = _dropped;
        }

        var scrubbed = SecretScrubber.Scrub(text);
        if (scrubbed.Length > maxChars)
        {
            var cut = scrubbed.Length - maxChars;
            var lineStart = scrubbed.IndexOf('\n', cut);
            cut = lineStart >= 0 && lineStart - cut < 200 ? lineStart + 1 : cut;
            scrubbed = scrubbed[cut..];
            dropped++;
        }

        return dropped == 0
            ? scrubbed
            : new StringBuilder("[... earlier output omitted]\n").Append(scrubbed).ToString();
    }
}
