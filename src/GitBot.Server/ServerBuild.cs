using System.Diagnostics.CodeAnalysis;

namespace GitBot.Server;

/// <summary>The outcome of <see cref="GitBotServer.Build"/>: a ready application, or the reason GitBot refuses to start.</summary>
public sealed record ServerBuild(WebApplication? App, ServerMode Mode, string? Error)
{
    [MemberNotNullWhen(true, nameof(App))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => App is not null;
}
