using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Doctor;

/// <summary>Says where the configuration came from, so a newcomer knows which file or variables to edit.</summary>
public sealed class ConfigurationFileCheck(string? configFile) : IDoctorCheck
{
    public Task<IReadOnlyList<DoctorFinding>> RunAsync(IConfiguration configuration, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DoctorFinding>>(
        [
            DoctorFinding.Ok("configuration", configFile is null
                ? "no gitbot.json; using defaults and GITBOT_* environment variables"
                : $"{configFile} plus GITBOT_* environment variables"),
        ]);
}
