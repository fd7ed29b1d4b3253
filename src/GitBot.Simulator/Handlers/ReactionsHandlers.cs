using GitBot.Simulator.Http;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>Reactions on issues and issue comments. A repeated reaction by the same user returns the existing one (200), a new one 201.</summary>
internal static class ReactionsHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("reactions/create-for-issue", ForIssue);
        registry.Add("reactions/create-for-issue-comment", ForComment);
    }

    private static ValueTask<SimResponse> ForIssue(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(IssuesHandlers.Find(c) is { } issue ? React(c, issue.Reactions) : c.NotFound());
        }
    }

    private static ValueTask<SimResponse> ForComment(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(IssuesHandlers.FindComment(c) is { } comment ? React(c, comment.Reactions) : c.NotFound());
        }
    }

    private static SimResponse React(HandlerContext c, List<ReactionState> reactions)
    {
        var content = c.String("content")!;
        var existing = reactions.FirstOrDefault(r => r.Content == content && r.User.Id == c.Actor.Id);
        if (existing is not null)
        {
            return SimResponse.Of(200, c.Runtime.Shapes.Reaction(existing));
        }

        var reaction = new ReactionState(c.Runtime.State.NextId(), content, c.Actor, c.Runtime.Now);
        reactions.Add(reaction);
        return SimResponse.Of(201, c.Runtime.Shapes.Reaction(reaction));
    }
}
