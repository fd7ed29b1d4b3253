namespace GitBot.Workflows.Reviews.Testing;

/// <summary>Limits and places of test command runs (<see cref="TestCommandRunner"/>).</summary>
public sealed class TestRunOptions
{
    /// <summary>
    /// Parent of the per-run HOME and TMPDIR directories (each run gets a fresh pair, removed after it); null for
    /// <c>{system temp}/gitbot-test-runs</c>.
    /// </summary>
    public string? SandboxRoot { get; set; }

    /// <summary>Result files (TRX, JUnit XML) read from one run at most, newest first.</summary>
    public int MaxResultFiles { get; set; } = 20;

    /// <summary>Bytes read from result files of one run at most; a file that does not fit is skipped.</summary>
    public long MaxResultBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Lines of stdout and stderr kept for <see cref="Core.Reviews.TestResults.TestRunOutcome.OutputTail"/>.</summary>
    public int OutputTailLines { get; set; } = 200;

    /// <summary>Characters of the output tail kept at most (its end).</summary>
    public int OutputTailChars { get; set; } = 16 * 1024;

    internal string FullSandboxRoot => Path.GetFullPath(SandboxRoot ?? Path.Combine(Path.GetTempPath(), "gitbot-test-runs"));
}
