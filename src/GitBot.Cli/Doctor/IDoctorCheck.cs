using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Doctor;

/// <summary>One thing <c>gitbot doctor</c> checks. A check never throws: what it finds is its result.</summary>
public interface IDoctorCheck
{
    Task<IReadOnlyList<DoctorFinding>> RunAsync(IConfiguration configuration, CancellationToken cancellationToken);
}
