using GitBot.Core.Text;

namespace GitBot.Git.Repositories;

/// <summary>
/// The value of a git operation or why it failed. Guarantee: <see cref="Error"/> has been scrubbed of secrets, so it may
/// be logged or posted to GitHub as is.
/// </summary>
public sealed record GitOperationResult<T>
{
    private GitOperationResult(bool succeeded, T? value, string? error)
    {
        Succeeded = succeeded;
        Value = value;
        Error = error;
    }

    public bool Succeeded { get; }

    public T? Value { get; }

    public string? Error { get; }

    public static GitOperationResult<T> Ok(T value) => new(true, value, null);

    public static GitOperationResult<T> Fail(string error) => new(false, default, SecretScrubber.Scrub(error));
}
