using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Doctor;

/// <summary>The data directory holds the embedded SQLite database and repository mirrors: it must be writable.</summary>
public sealed class DataDirectoryCheck : IDoctorCheck
{
    public Task<IReadOnlyList<DoctorFinding>> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(configuration["DataDirectory"] ?? "data");
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".doctor-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return Task.FromResult<IReadOnlyList<DoctorFinding>>([DoctorFinding.Ok("data directory", $"{directory} is writable")]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult<IReadOnlyList<DoctorFinding>>([DoctorFinding.Error("data directory",
                $"{directory} is not writable: {ex.Message}",
                "set DataDirectory (or GITBOT_DataDirectory) to a directory this user can write")]);
        }
    }
}
