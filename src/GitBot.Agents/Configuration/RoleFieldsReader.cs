using GitBot.Agents.Sandbox;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>Reads the fields of one role definition (a <c>roles</c> entry or a role file's front matter) into a patch.</summary>
internal static class RoleFieldsReader
{
    public static void Read(YamlConfigReader reader, Dictionary<string, (YamlNode Key, YamlNode Value)> entries, RolePatch patch)
    {
        var before = reader.ProblemCount;
        foreach (var (key, (keyNode, value)) in entries)
        {
            if (YamlConfigReader.IsNull(value))
            {
                continue;
            }

            var path = patch.KeyPath(key);
            patch.Lines[key] = reader.LineOf(keyNode);
            switch (key)
            {
                case "description":
                    patch.Description = Text(reader, value, path, ConfigRules.MaxDescriptionChars);
                    break;
                case "prompt":
                    patch.Prompt = Text(reader, value, path, ConfigRules.MaxPromptChars);
                    break;
                case "tools":
                    patch.Tools = Tools(reader, value, path);
                    break;
                case "model":
                    ReadModel(reader, value, path, patch);
                    break;
                case "backend":
                    patch.Backend = Backend(reader, value, path);
                    break;
                case "command":
                    patch.Command = Command(reader, value, path);
                    break;
                case "prompt_on_stdin":
                    patch.PromptOnStdin = reader.Bool(value, path);
                    break;
                case "env":
                    patch.Environment = Environment(reader, value, path);
                    break;
                case "labels":
                    patch.Labels = RoleLabelsReader.Read(reader, value, path);
                    break;
                default:
                    break;
            }
        }

        patch.HasErrors |= reader.ProblemCount > before;
    }

    private static string? Text(YamlConfigReader reader, YamlNode node, string path, int max)
    {
        var text = reader.String(node, path);
        if (text is not null && text.Length > max)
        {
            reader.Report(node, path, $"is {text.Length} characters long; at most {max} are allowed");
            return null;
        }

        return text?.Trim();
    }

    private static List<string>? Tools(YamlConfigReader reader, YamlNode node, string path)
    {
        var items = reader.StringList(node, path, ConfigRules.SplitTools);
        if (items is null || !WithinCount(reader, node, path, items.Count))
        {
            return null;
        }

        var ok = true;
        foreach (var (tool, itemNode, itemPath) in items)
        {
            if (!ConfigRules.Tool().IsMatch(tool.Trim()))
            {
                reader.Report(itemNode, itemPath, $"`{tool}` is not a tool name; use Claude Code tool names such as `Read`, `Edit`, `Bash` or `Bash(npm test:*)`");
                ok = false;
            }
        }

        return ok ? [.. items.Select(i => i.Value.Trim())] : null;
    }

    private static void ReadModel(YamlConfigReader reader, YamlNode node, string path, RolePatch patch)
    {
        var model = reader.String(node, path)?.Trim();
        if (model is null)
        {
            return;
        }

        if (model == "inherit")
        {
            // Claude Code's "inherit": the backend's default model.
            patch.ModelSet = true;
            patch.Model = null;
        }
        else if (ConfigRules.Model().IsMatch(model))
        {
            patch.ModelSet = true;
            patch.Model = model;
        }
        else
        {
            reader.Report(node, path, $"`{model}` is not a model name; use letters, digits and `.`, `-`, `_`, `:`, `/`, `@` (e.g. `claude-sonnet-4-5`), or `inherit`");
        }
    }

    private static string? Backend(YamlConfigReader reader, YamlNode node, string path)
    {
        var backend = reader.String(node, path)?.Trim();
        if (backend is null || ConfigRules.Backends.Contains(backend, StringComparer.Ordinal))
        {
            return backend;
        }

        reader.Report(node, path, $"unknown backend `{backend}`; allowed: `claude` (Claude Code CLI) or `command` (any CLI agent, with `command:`)");
        return null;
    }

    private static List<string>? Command(YamlConfigReader reader, YamlNode node, string path)
    {
        var items = reader.StringList(node, path, ConfigRules.SplitArguments);
        if (items is null || !WithinCount(reader, node, path, items.Count))
        {
            return null;
        }

        if (items.Count == 0)
        {
            reader.Report(node, path, "must name a program, e.g. `[\"aider\", \"--message\", \"{prompt}\"]`");
            return null;
        }

        var ok = true;
        foreach (var (argument, itemNode, itemPath) in items)
        {
            if (argument.Length == 0 || argument.Any(char.IsControl))
            {
                reader.Report(itemNode, itemPath, "arguments must be non-empty and hold no control characters");
                ok = false;
            }
        }

        if (items[0].Value.StartsWith('-'))
        {
            reader.Report(items[0].Node, items[0].Path, "the first element is the program to run and cannot start with `-`");
            ok = false;
        }

        return ok ? [.. items.Select(i => i.Value)] : null;
    }

    private static List<string>? Environment(YamlConfigReader reader, YamlNode node, string path)
    {
        var items = reader.StringList(node, path, split: null);
        if (items is null || !WithinCount(reader, node, path, items.Count))
        {
            return null;
        }

        var ok = true;
        foreach (var (name, itemNode, itemPath) in items)
        {
            if (!ConfigRules.EnvironmentName().IsMatch(name))
            {
                reader.Report(itemNode, itemPath, $"`{name}` is not an environment variable name (letters, digits, `_`; not starting with a digit)");
                ok = false;
            }
            else if (AgentEnvironmentPolicy.IsForbidden(name) || AgentEnvironmentPolicy.LooksSecret(name))
            {
                reader.Report(itemNode, itemPath, $"`{name}` looks like a secret or one of GitBot's own settings; agents never receive those, so it cannot be passed through");
                ok = false;
            }
        }

        return ok ? [.. items.Select(i => i.Value).Distinct(StringComparer.Ordinal)] : null;
    }

    private static bool WithinCount(YamlConfigReader reader, YamlNode node, string path, int count)
    {
        if (count <= ConfigRules.MaxListItems)
        {
            return true;
        }

        reader.Report(node, path, $"has {count} entries; at most {ConfigRules.MaxListItems} are allowed");
        return false;
    }
}
