using System.Globalization;
using GitBot.Agents.Runs;

namespace GitBot.Agents.Backends;

/// <summary>
/// The Claude Code CLI's argument vector for a run. Values are attached with <c>--flag=value</c> so text that starts
/// with a dash is never read as a flag; the prompt goes on stdin (no argument-length limit, never parsed as a flag).
/// <c>--setting-sources user</c> loads only the per-run HOME's settings (GitBot's), so a repository's
/// <c>.claude/settings*.json</c> (hooks, <c>env</c> such as <c>ANTHROPIC_BASE_URL</c>, permissions) is ignored;
/// <c>--strict-mcp-config</c> without any <c>--mcp-config</c> ignores <c>.mcp.json</c>.
/// </summary>
internal static class ClaudeArguments
{
    public static List<string> Build(AgentRunRequest request, AgentOptions options)
    {
        var arguments = new List<string>
        {
            "-p",
            "--output-format=stream-json",
            "--verbose",
            string.Create(CultureInfo.InvariantCulture, $"--max-turns={Math.Max(1, request.MaxTurns)}"),
            "--max-budget-usd=" + request.BudgetUsd.ToString("0.######", CultureInfo.InvariantCulture),
            "--setting-sources=user",
            "--strict-mcp-config",
            "--no-session-persistence",
        };

        var tools = request.Role.Tools.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (tools.Count > 0)
        {
            arguments.Add("--allowedTools=" + string.Join(',', tools));
        }

        var model = request.Role.Model ?? options.DefaultModel;
        if (!string.IsNullOrWhiteSpace(model))
        {
            arguments.Add("--model=" + model);
        }

        if (!string.IsNullOrWhiteSpace(request.Role.Prompt))
        {
            arguments.Add("--append-system-prompt=" + request.Role.Prompt);
        }

        return arguments;
    }
}
