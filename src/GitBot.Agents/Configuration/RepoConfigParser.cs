using GitBot.Core.Configuration;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Turns a repository's configuration files into a <see cref="RepoConfig"/>, or into the complete list of what is wrong
/// with them. Pure: the caller reads the files (from the default branch only) and passes their text.
/// </summary>
/// <remarks>
/// Guarantees: never throws on any file content; collects every problem rather than stopping at the first; returns a
/// config only when there is no problem at all, so nothing runs on a configuration the repository did not mean.
/// Role precedence, lowest first: built-in, <c>.claude/agents/*.md</c>, <c>.github/agents/*.md</c>, gitbot.yml
/// <c>roles</c>; each source overrides only the fields it sets. The format is described in this folder's README.md.
/// </remarks>
public static class RepoConfigParser
{
    /// <summary>The configuration of a repository with no configuration files.</summary>
    public static RepoConfig Defaults { get; } = new(
        TriggerLabel: "agent",
        DefaultRole: BuiltInRoles.DefaultRoleName,
        Roles: BuiltInRoles.All,
        Limits: RepoLimits.Default,
        BranchPrefix: "gitbot",
        PlanApproval: false,
        TestCommand: [],
        AllowWorkflowChanges: false,
        Reviews: ReviewSettings.Default,
        Gate: GateSettings.Default);

    /// <summary>Parses the configuration.</summary>
    /// <param name="files">
    /// Repository-relative path (<c>/</c>-separated) to text: <see cref="RepoConfigFiles.ConfigPath"/> when it exists and
    /// the <c>*.md</c> files of <see cref="RepoConfigFiles.RoleDirectories"/>. Other paths are ignored.
    /// </param>
    public static RepoConfigParseResult Parse(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<ConfigProblem>();
        var roles = new Dictionary<string, RoleDefinition>(BuiltInRoles.All, StringComparer.Ordinal);

        foreach (var directory in RepoConfigFiles.RoleDirectories)
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (path, text) in RoleFiles(files, directory))
            {
                var patch = RoleFileParser.Parse(path, text, problems);
                if (patch is null)
                {
                    continue;
                }

                if (seen.TryGetValue(patch.Name, out var first))
                {
                    problems.Add(new ConfigProblem(path, patch.Lines.ContainsKey("name") ? "name" : "", $"role `{patch.Name}` is already defined by `{first}`; each role may be defined once per directory", patch.LineOf("name")));
                    continue;
                }

                seen[patch.Name] = path;
                RoleMerger.Apply(roles, patch, problems);
            }
        }

        var configPath = RepoConfigFiles.ConfigPathIn(files);
        var (draft, modelOverride) = ReadConfigWithOverlay(files, configPath, problems);
        foreach (var patch in draft.Roles)
        {
            RoleMerger.Apply(roles, patch, problems);
        }

        if (modelOverride is not null)
        {
            foreach (var name in roles.Keys.ToList())
            {
                roles[name] = roles[name] with { Model = modelOverride };
            }
        }

        var defaultRole = draft.DefaultRole ?? Defaults.DefaultRole;
        if (draft.DefaultRole is not null && (!roles.ContainsKey(defaultRole) || defaultRole == BuiltInRoles.Planner))
        {
            var known = string.Join(", ", roles.Keys.Where(r => r != BuiltInRoles.Planner).Order(StringComparer.Ordinal).Select(r => $"`{r}`"));
            var why = defaultRole == BuiltInRoles.Planner ? "the planner cannot edit files, so it cannot be the default role" : $"there is no role `{defaultRole}`";
            problems.Add(new ConfigProblem(configPath, "default_role", $"{why}; known roles: {known}", draft.DefaultRoleLine));
        }

        var (reviews, gate) = ReviewGateRules.Build(draft, configPath, problems);
        if (modelOverride is not null)
        {
            reviews = reviews with { Model = modelOverride };
        }

        if (problems.Count > 0)
        {
            return new RepoConfigParseResult(null, [.. problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line ?? 0)]);
        }

        var config = new RepoConfig(
            draft.TriggerLabel ?? Defaults.TriggerLabel,
            defaultRole,
            roles,
            draft.Limits,
            draft.BranchPrefix ?? Defaults.BranchPrefix,
            draft.PlanApproval ?? Defaults.PlanApproval,
            draft.TestCommand ?? Defaults.TestCommand,
            draft.AllowWorkflowChanges ?? Defaults.AllowWorkflowChanges,
            reviews,
            gate)
        {
            Executor = draft.Executor,
        };
        return new RepoConfigParseResult(config, []);
    }

    /// <summary>
    /// The main configuration file with the node operator's overlay (<see cref="RepoConfigFiles.OverlayName"/>) merged
    /// over it, read into a draft; and the overlay's <c>model_override</c>.
    /// </summary>
    private static (GitbotYmlDraft Draft, string? ModelOverride) ReadConfigWithOverlay(
        IReadOnlyDictionary<string, string> files, string configPath, List<ConfigProblem> problems)
    {
        var fileReader = new YamlConfigReader(configPath, 0, problems);
        var fileRoot = files.TryGetValue(configPath, out var yml) ? YamlDocumentLoader.Load(fileReader, yml) : null;
        if (!files.TryGetValue(RepoConfigFiles.OverlayName, out var overlayText))
        {
            return (yml is null ? new GitbotYmlDraft() : GitbotYmlReader.Read(fileReader, fileRoot), null);
        }

        var overlayReader = new YamlConfigReader(RepoConfigFiles.OverlayName, 0, problems);
        var (overlayRoot, modelOverride) = ConfigOverlay.SplitModelOverride(overlayReader, YamlDocumentLoader.Load(overlayReader, overlayText));
        var fromOverlay = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var merged = ConfigOverlay.Merge(fileRoot, overlayRoot, fromOverlay);
        var reader = new YamlConfigReader(configPath, 0, problems) { OverlayNodes = fromOverlay };
        return (GitbotYmlReader.Read(reader, merged), modelOverride);
    }

    /// <summary>The <c>*.md</c> files directly inside <paramref name="directory"/>, in path order for stable results.</summary>
    private static IEnumerable<KeyValuePair<string, string>> RoleFiles(IReadOnlyDictionary<string, string> files, string directory) =>
        files
            .Where(f => f.Key.StartsWith(directory + "/", StringComparison.Ordinal)
                && f.Key.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                && f.Key.IndexOf('/', directory.Length + 1) < 0)
            .OrderBy(f => f.Key, StringComparer.Ordinal);
}
