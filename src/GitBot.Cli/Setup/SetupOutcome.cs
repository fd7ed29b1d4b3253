namespace GitBot.Cli.Setup;

/// <summary>How <c>gitbot setup</c> ended: the App it created and where its credentials went, or why it stopped.</summary>
public sealed record SetupOutcome(bool Succeeded, string? Error, long? AppId = null, string? AppName = null, string? HtmlUrl = null, string? KeyPath = null)
{
    public static SetupOutcome Failed(string error) => new(false, error);
}
