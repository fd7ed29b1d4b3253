using GitBot.Core.Configuration;

namespace GitBot.Agents.Configuration;

/// <summary>
/// Lays a role patch over the same-named role from lower-precedence sources, then checks the fields that only make
/// sense together (a <c>command</c> backend needs a command; a <c>claude</c> role takes none).
/// </summary>
internal static class RoleMerger
{
    public static void Apply(Dictionary<string, RoleDefinition> roles, RolePatch patch, List<ConfigProblem> problems)
    {
        roles.TryGetValue(patch.Name, out var below);
        var backend = patch.Backend ?? below?.Backend ?? "claude";

        // Switching a role to claude drops the command it inherited; switching to command keeps inherited tools,
        // which a command backend ignores.
        var command = patch.Command ?? (backend == "claude" ? [] : below?.Command ?? []);
        var promptOnStdin = patch.PromptOnStdin ?? (backend == "claude" ? false : below?.PromptOnStdin ?? false);
        if (!patch.HasErrors)
        {
            Check(problems, patch, backend, command, promptOnStdin);
        }

        // Registered even when broken, so that a reference to it (default_role) is not reported as a second problem.
        roles[patch.Name] = new RoleDefinition(
            patch.Name,
            patch.Description ?? below?.Description ?? "",
            patch.Prompt ?? below?.Prompt ?? "",
            patch.Tools ?? below?.Tools ?? BuiltInRoles.All[BuiltInRoles.DefaultRoleName].Tools,
            patch.ModelSet ? patch.Model : below?.Model,
            backend,
            command,
            promptOnStdin,
            patch.Environment ?? below?.PassEnvironment ?? [],
            patch.File)
        {
            Labels = patch.Labels ?? below?.Labels ?? [],
        };
    }

    private static void Check(List<ConfigProblem> problems, RolePatch patch, string backend, IReadOnlyList<string> command, bool promptOnStdin)
    {
        if (backend == "command" && command.Count == 0)
        {
            Report(problems, patch, "backend", "a role with `backend: command` needs `command:`, the argument list to run, e.g. `[\"aider\", \"--message\", \"{prompt}\"]`");
        }

        if (backend == "claude" && patch.Command is { Count: > 0 })
        {
            Report(problems, patch, "command", "`command` is only for `backend: command`; the `claude` backend runs the Claude Code CLI itself");
        }

        if (backend == "claude" && patch.PromptOnStdin == true)
        {
            Report(problems, patch, "prompt_on_stdin", "`prompt_on_stdin` is only for `backend: command`");
        }

        if (backend == "command" && command.Count > 0 && !promptOnStdin && !command.Any(a => a.Contains("{prompt}", StringComparison.Ordinal)))
        {
            var key = patch.Command is null ? "backend" : "command";
            Report(problems, patch, key, "the command never receives the prompt: put `{prompt}` in one of its arguments or set `prompt_on_stdin: true`");
        }
    }

    private static void Report(List<ConfigProblem> problems, RolePatch patch, string key, string message) =>
        problems.Add(new ConfigProblem(patch.File, patch.Lines.ContainsKey(key) ? patch.KeyPath(key) : patch.KeyPrefix, message, patch.LineOf(key)));
}
