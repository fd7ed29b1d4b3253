using System.Diagnostics;
using GitBot.Simulator;
using ReviewBench;

namespace CommandBench;

/// <summary>One command comment, timed from the simulator's point of view: posted → 👀 on it → its reply comment.</summary>
/// <param name="EyesMs">Post → the 👀 reaction.</param>
/// <param name="ReplyMs">Post → the reply comment (found by its marker).</param>
/// <param name="GitHubRequests">Requests GitBot made to GitHub in between.</param>
internal sealed record CommandSample(double EyesMs, double ReplyMs, int GitHubRequests);

/// <summary>A burst: <c>Count</c> comments posted back to back, then everything GitBot said about them.</summary>
/// <param name="PostMs">Posting all comments (the simulator queues a delivery for each).</param>
/// <param name="LastAnswerMs">First post → the last reply or notice appearing.</param>
/// <param name="Replies">Command replies (the notice included).</param>
/// <param name="Notices">"Too many commands" notices.</param>
/// <param name="Reacted">Comments that got any reaction.</param>
/// <param name="FixRuns">Replies with a fix section of their own (a job was queued for them), not coalesced ones.</param>
/// <param name="GitHubRequests">Requests GitBot made to GitHub from the first post until it was quiet.</param>
internal sealed record BurstSample(double PostMs, double LastAnswerMs, int Replies, int Notices, int Reacted, int FixRuns, int GitHubRequests);

/// <summary>Posts comments as a writer and watches the simulator's state for GitBot's answers.</summary>
internal sealed class CommandScenario(GitHubSimulator github, HttpLog log, string repo, Func<Task> quiet)
{
    private const string Actor = "alice";

    /// <summary>One command, timed until both the reaction and the reply are there.</summary>
    public async Task<CommandSample> TimeAsync(int number, string body)
    {
        var start = Stopwatch.GetTimestamp();
        var comment = await github.CommentAsync(repo, number, body, Actor, CancellationToken.None);
        var marker = $"<!-- gitbot:command:comment:{comment.Id} -->";
        double? eyes = null;
        double? reply = null;
        while (eyes is null || reply is null)
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"no answer to '{body}' on #{number} within 60 s (eyes {eyes}, reply {reply})");
            }

            var comments = github.GetIssue(repo, number)!.Comments;
            eyes ??= comments.Any(c => c.Id == comment.Id && c.Reactions.Contains("eyes")) ? elapsed.TotalMilliseconds : null;
            reply ??= comments.Any(c => c.Body.Contains(marker, StringComparison.Ordinal)) ? elapsed.TotalMilliseconds : null;
            await Task.Delay(2);
        }

        var end = Stopwatch.GetTimestamp();
        return new CommandSample(eyes.Value, reply.Value, log.Between(start, end).Count);
    }

    /// <summary>Posts <paramref name="count"/> copies of <paramref name="body"/> back to back and waits for <paramref name="answers"/> replies, then quiet.</summary>
    public async Task<BurstSample> BurstAsync(int number, string body, int count, int answers)
    {
        var start = Stopwatch.GetTimestamp();
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await github.CommentAsync(repo, number, body, Actor, CancellationToken.None)).Id);
        }

        var posted = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        double lastAnswer;
        while (true)
        {
            var replies = Replies(number, ids);
            if (replies.Count >= answers)
            {
                lastAnswer = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                break;
            }

            if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"{replies.Count} of {answers} answers to the burst on #{number} after 120 s");
            }

            await Task.Delay(2);
        }

        await github.WaitForDeliveriesAsync(CancellationToken.None);
        await quiet();
        var end = Stopwatch.GetTimestamp();
        var comments = github.GetIssue(repo, number)!.Comments;
        var all = Replies(number, ids);
        foreach (var reply in all.Where(c => !c.Body.Contains("Already queued", StringComparison.Ordinal)).Take(3))
        {
            Console.WriteLine("  answer: " + reply.Body.ReplaceLineEndings(" ⏎ "));
        }

        return new BurstSample(
            posted,
            lastAnswer,
            all.Count,
            all.Count(c => c.Body.Contains("Too many commands", StringComparison.Ordinal)),
            comments.Count(c => ids.Contains(c.Id) && c.Reactions.Count > 0),
            all.Count(c => c.Body.Contains("/agent fix", StringComparison.Ordinal) && !c.Body.Contains("Already queued", StringComparison.Ordinal)
                && !c.Body.Contains("Too many commands", StringComparison.Ordinal)),
            log.Between(start, end).Count);
    }

    private List<SimulatedComment> Replies(int number, List<long> ids)
    {
        var markers = ids.Select(id => $"<!-- gitbot:command:comment:{id} -->").ToHashSet(StringComparer.Ordinal);
        return [.. github.GetIssue(repo, number)!.Comments.Where(c => c.Body.StartsWith("<!-- gitbot:command:comment:", StringComparison.Ordinal)
            && markers.Contains(c.Body.Split('\n', 2)[0]))];
    }
}
