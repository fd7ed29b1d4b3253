namespace GitBot.Simulator.State;

/// <summary>A GitHub account: a person (<c>User</c>), an organization, or the App's bot (<c>Bot</c>).</summary>
internal sealed record UserState(long Id, string Login, string Type);
