namespace GitBot.Simulator;

/// <summary>An installation of the App on an account.</summary>
/// <param name="Id">The installation id GitBot exchanges for tokens.</param>
/// <param name="AccountLogin">The user or organization the App is installed on.</param>
public sealed record SimulatedInstallation(long Id, string AccountLogin);
