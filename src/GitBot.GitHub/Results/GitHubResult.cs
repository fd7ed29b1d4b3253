using System.Diagnostics.CodeAnalysis;

namespace GitBot.GitHub.Results;

/// <summary>The outcome of a GitHub call: a value or a <see cref="GitHubError"/>, never both.</summary>
public sealed class GitHubResult<T>
{
    private readonly T? _value;

    private GitHubResult(T? value, GitHubError? error)
    {
        _value = value;
        Error = error;
    }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public GitHubError? Error { get; }

    /// <summary>The value of a successful call; reading it from a failure is a bug and throws.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"GitHub call failed, there is no value: {Error}");

    public static GitHubResult<T> Success(T value) => new(value, null);

    public static GitHubResult<T> Failure(GitHubError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Maps the value of a success; a failure passes through unchanged.</summary>
    public GitHubResult<TOut> Map<TOut>(Func<T, TOut> map) =>
        IsSuccess ? GitHubResult<TOut>.Success(map(_value!)) : GitHubResult<TOut>.Failure(Error);

    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }

    /// <summary>The error of a failure; a success prints no value, since some values (tokens) must never reach a log.</summary>
    public override string ToString() => IsSuccess ? "Success" : $"Failure({Error})";
}
