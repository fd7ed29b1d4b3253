namespace GitBot.Core.Reviews.Security;

/// <summary>The outcome of the security agent's LLM pass, as the report builder takes it.</summary>
/// <param name="Status">Not run, completed or failed.</param>
/// <param name="Findings">The validated findings when completed (<see cref="SecurityReviewOutputParser"/>); empty otherwise.</param>
/// <param name="Error">Why it failed (untrusted: sanitized before posting); null otherwise.</param>
/// <param name="Dropped">Findings the model placed on files outside the diff, which were dropped.</param>
public sealed record SecurityLlmResult(SecurityLlmStatus Status, IReadOnlyList<SecurityFinding> Findings, string? Error, int Dropped = 0)
{
    /// <summary>The LLM pass is disabled by configuration.</summary>
    public static SecurityLlmResult NotRun { get; } = new(SecurityLlmStatus.NotRun, [], null);

    /// <summary>The model answered; <paramref name="parse"/> must hold findings.</summary>
    public static SecurityLlmResult Completed(SecurityReviewParse parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.Findings is { } findings
            ? new(SecurityLlmStatus.Completed, findings, null, parse.Dropped)
            : Failed(parse.Error ?? "the model's answer held no findings");
    }

    /// <summary>The LLM pass could not complete.</summary>
    public static SecurityLlmResult Failed(string error) => new(SecurityLlmStatus.Failed, [], error);
}
