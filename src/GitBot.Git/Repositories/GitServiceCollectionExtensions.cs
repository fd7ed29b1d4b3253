using System.Globalization;
using GitBot.Git.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Git.Repositories;

/// <summary>Registers the git layer: <see cref="GitOptions"/> from section <c>Git</c> and every git service as a singleton.</summary>
public static class GitServiceCollectionExtensions
{
    public static IServiceCollection AddGitBotGit(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GitOptions.SectionName);
        services.AddOptions<GitOptions>().Configure(options => Bind(section, options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProcessRunner>();
        services.TryAddSingleton<GitCli>();
        services.TryAddSingleton<MirrorCache>();
        services.TryAddSingleton<WorktreeManager>();
        services.TryAddSingleton<WorkspaceCommitter>();
        services.TryAddSingleton<BranchPusher>();
        services.TryAddSingleton<BranchMerger>();
        services.TryAddSingleton<BranchInspector>();
        return services;
    }

    /// <summary>Copies section values onto <paramref name="options"/> by hand (no reflection binder, so trimming stays safe).</summary>
    public static void Bind(IConfiguration section, GitOptions options)
    {
        options.WorkRoot = section[nameof(GitOptions.WorkRoot)] is { Length: > 0 } root ? root : options.WorkRoot;
        options.CommitterName = section[nameof(GitOptions.CommitterName)] is { Length: > 0 } name ? name : options.CommitterName;
        options.CommitterEmail = section[nameof(GitOptions.CommitterEmail)] is { Length: > 0 } email ? email : options.CommitterEmail;
        options.GitExecutable = section[nameof(GitOptions.GitExecutable)] is { Length: > 0 } git ? git : options.GitExecutable;
        options.CommandTimeout = TimeSpan.TryParse(section[nameof(GitOptions.CommandTimeout)], CultureInfo.InvariantCulture, out var timeout)
            ? timeout
            : options.CommandTimeout;
        options.WorktreePoolSize = int.TryParse(section[nameof(GitOptions.WorktreePoolSize)], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pool)
            ? pool
            : options.WorktreePoolSize;
    }
}
