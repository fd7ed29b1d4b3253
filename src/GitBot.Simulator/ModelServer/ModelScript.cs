namespace GitBot.Simulator.ModelServer;

/// <summary>
/// What the scripted model answers. Rules are tried in order; the first whose text occurs in the conversation's first
/// user message (Claude Code's injected <c>&lt;system-reminder&gt;</c> blocks excluded) or in its system prompt wins.
/// Unmatched conversations play <see cref="Fallback"/>. Which step answers is derived from the request alone (the
/// number of assistant turns already in <c>messages</c>), so concurrent conversations are deterministic.
/// A conversation that runs past its last step gets <see cref="Finished"/> text.
/// </summary>
public sealed class ModelScript
{
    public ModelScript(params ModelRule[] rules) => Rules = rules;

    public IReadOnlyList<ModelRule> Rules { get; }

    /// <summary>Steps for conversations no rule matches; by default one short text answer.</summary>
    public IReadOnlyList<ModelStep> Fallback { get; init; } = [ModelStep.Text("OK.")];

    /// <summary>The answer once a rule's steps are used up.</summary>
    public string Finished { get; init; } = "Done.";

    /// <summary>A rule: conversations mentioning <paramref name="textContains"/> play <paramref name="steps"/>.</summary>
    public static ModelRule When(string textContains, params ModelStep[] steps)
    {
        ArgumentException.ThrowIfNullOrEmpty(textContains);
        return new ModelRule(textContains, steps);
    }

    /// <summary>The rule for a conversation, or null for the fallback.</summary>
    internal ModelRule? Match(string firstUserText, string systemText) =>
        Rules.FirstOrDefault(r =>
            firstUserText.Contains(r.TextContains, StringComparison.Ordinal)
            || systemText.Contains(r.TextContains, StringComparison.Ordinal));
}
