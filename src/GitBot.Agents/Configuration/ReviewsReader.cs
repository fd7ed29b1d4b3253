using GitBot.Core.Configuration;
using GitBot.Core.Reviews.Reports;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Reads the <c>reviews</c> mapping. Checks that need the rest of the file (the tests agent needs a
/// <c>test_command</c>) are made by <see cref="ReviewGateRules"/> once everything is read.
/// </summary>
internal static class ReviewsReader
{
    public static readonly string[] Keys = ["pull_requests", "agents", "model", "security_llm", "test_timeout_minutes"];

    private static readonly string[] Scopes = ["gitbot", "all"];

    public static ReviewsDraft Read(YamlConfigReader reader, YamlNode node, string path)
    {
        var draft = new ReviewsDraft();
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return draft;
        }

        foreach (var (key, (_, value)) in reader.Entries(map, path, Keys))
        {
            if (YamlConfigReader.IsNull(value))
            {
                continue;
            }

            var keyPath = $"{path}.{key}";
            switch (key)
            {
                case "pull_requests":
                    draft.Scope = reader.Choice(value, keyPath, Scopes) switch
                    {
                        "gitbot" => ReviewScope.GitBot,
                        "all" => ReviewScope.All,
                        _ => null,
                    };
                    break;
                case "agents":
                    draft.Agents = Agents(reader, value, keyPath);
                    draft.AgentsInvalid = draft.Agents is null;
                    break;
                case "model":
                    draft.Model = Model(reader, value, keyPath);
                    break;
                case "security_llm":
                    draft.SecurityLlm = reader.Bool(value, keyPath);
                    break;
                case "test_timeout_minutes":
                    draft.TestTimeout = reader.Int(value, keyPath, 1, 240) is { } minutes ? TimeSpan.FromMinutes(minutes) : null;
                    break;
                default:
                    break;
            }
        }

        return draft;
    }

    private static List<ConfigListEntry<ReviewAgentKind>>? Agents(YamlConfigReader reader, YamlNode node, string path)
    {
        var items = reader.StringList(node, path, split: null);
        if (items is null)
        {
            return null;
        }

        var agents = new List<ConfigListEntry<ReviewAgentKind>>();
        var ok = true;
        foreach (var (name, itemNode, itemPath) in items)
        {
            if (!ReviewAgentNames.TryParseName(name.Trim(), out var kind))
            {
                var allowed = ReviewAgentNames.All.Select(ReviewAgentNames.Name).ToList();
                var suggestion = KeySuggester.Suggest(name, allowed);
                var hint = suggestion is null ? "" : $" (did you mean `{suggestion}`?)";
                reader.Report(itemNode, itemPath, $"unknown review agent `{name}`{hint}; allowed: {string.Join(", ", allowed.Select(a => $"`{a}`"))}");
                ok = false;
                continue;
            }

            if (agents.FirstOrDefault(a => a.Value == kind) is { } first)
            {
                reader.Report(itemNode, itemPath, $"`{ReviewAgentNames.Name(kind)}` is listed twice (first at `{first.Path}`); list each agent once");
                ok = false;
                continue;
            }

            agents.Add(new ConfigListEntry<ReviewAgentKind>(kind, itemPath, reader.LineOf(itemNode)));
        }

        return ok ? agents : null;
    }

    private static string? Model(YamlConfigReader reader, YamlNode node, string path)
    {
        var model = reader.String(node, path)?.Trim();
        if (model is null || ConfigRules.Model().IsMatch(model))
        {
            return model;
        }

        reader.Report(node, path, $"`{model}` is not a model name: use letters, digits and `._:/@[]-`, starting with a letter or digit, e.g. `claude-sonnet-4-5`");
        return null;
    }
}
