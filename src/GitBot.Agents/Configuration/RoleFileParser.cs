using GitBot.Core.Configuration;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Reads a role file in Claude Code's sub-agent format: YAML front matter between <c>---</c> lines (name, description,
/// tools, model, and GitBot's backend, command, prompt_on_stdin, env), then the Markdown body, which is the prompt.
/// </summary>
internal static class RoleFileParser
{
    private static readonly string[] Keys = ["name", "description", "tools", "model", "backend", "command", "prompt_on_stdin", "env", "labels"];

    /// <summary>Claude Code writes <c>color</c> for its UI; it means nothing to GitBot and is skipped.</summary>
    private static readonly string[] Ignored = ["color"];

    /// <summary>The role the file defines; null when it defines none (a README) or is broken (problems reported).</summary>
    public static RolePatch? Parse(string path, string text, List<ConfigProblem> problems)
    {
        var fileName = path[(path.LastIndexOf('/') + 1)..];
        var outer = new YamlConfigReader(path, 0, problems);
        if (text.Length > YamlDocumentLoader.MaxChars)
        {
            outer.Report(line: null, "", $"the file is larger than {YamlDocumentLoader.MaxChars / 1024} KiB; GitBot does not read it");
            return null;
        }

        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            if (!fileName.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                outer.Report(1, "", "a role file must start with YAML front matter: a `---` line, `name:`, `description:`, `tools:` ..., then `---`, then the prompt");
            }

            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            outer.Report(1, "", "the front matter opened on line 1 is never closed with a `---` line");
            return null;
        }

        var reader = new YamlConfigReader(path, 1, problems);
        var before = problems.Count;
        var root = YamlDocumentLoader.Load(reader, string.Join('\n', lines[1..close]));
        if (problems.Count > before)
        {
            return null;
        }

        var map = root is null ? new YamlMappingNode() : reader.Mapping(root, "");
        if (map is null)
        {
            return null;
        }

        var entries = reader.Entries(map, "", Keys, Ignored);
        var name = Name(reader, entries, fileName);
        var prompt = string.Join('\n', lines[(close + 1)..]).Trim();
        if (prompt.Length > ConfigRules.MaxPromptChars)
        {
            reader.Report(close + 2, "", $"the prompt (the text after the front matter) is {prompt.Length} characters long; at most {ConfigRules.MaxPromptChars} are allowed");
        }

        if (name is null)
        {
            return null;
        }

        var patch = new RolePatch(name, path, "", 1);
        RoleFieldsReader.Read(reader, entries, patch);
        if (prompt.Length > 0)
        {
            patch.Prompt = prompt;
        }

        return patch;
    }

    private static string? Name(YamlConfigReader reader, Dictionary<string, (YamlNode Key, YamlNode Value)> entries, string fileName)
    {
        if (entries.TryGetValue("name", out var entry) && !YamlConfigReader.IsNull(entry.Value))
        {
            var name = reader.String(entry.Value, "name")?.Trim();
            if (name is not null && !ConfigRules.RoleName().IsMatch(name))
            {
                reader.Report(entry.Value, "name", $"`{name}` is not a role name; use 1 to 32 lower-case letters, digits, `-` or `_`");
                return null;
            }

            return name;
        }

        var fromFile = fileName[..^".md".Length];
        if (!ConfigRules.RoleName().IsMatch(fromFile))
        {
            reader.Report(1, "name", $"the file name `{fileName}` is not a role name and there is no `name:`; use 1 to 32 lower-case letters, digits, `-` or `_`");
            return null;
        }

        return fromFile;
    }
}
