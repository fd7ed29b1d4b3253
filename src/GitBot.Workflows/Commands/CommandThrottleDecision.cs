namespace GitBot.Workflows.Commands;

/// <summary>What <see cref="CommandThrottle"/> says about one comment that holds commands.</summary>
public enum CommandThrottleDecision
{
    /// <summary>Within the limit: react, run and reply as usual.</summary>
    Allowed,

    /// <summary>The first comment over the limit in this window: no command runs; one notice reply says the next ones are ignored.</summary>
    Notice,

    /// <summary>Over the limit and the notice was already given: no reaction, no reply, nothing runs.</summary>
    Silent,
}
