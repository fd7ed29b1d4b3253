using GitBot.Simulator.ModelServer;

namespace GitBot.Cli.Demo;

/// <summary>
/// The story the demo tells: a small repository, an issue whose task list is the plan (tasks 1 and 2 independent, 3
/// after both), and what the agents do for each task: the scripted model's replies for the Claude Code CLI, or the
/// same edits as a shell script for the <c>backend: command</c> fallback. Both produce the same three files.
/// </summary>
public static class DemoScenario
{
    public const string Repository = "octo/widgets";
    public const string Owner = "octo";
    public const string Author = "alice";
    public const string Label = "agent";
    public const string IssueTitle = "Add alpha, beta and gamma";

    public const string IssueBody = """
        We need three modules. GitBot: please split this up.

        - [ ] Add the alpha module
        - [ ] Add the beta module
        - [ ] Combine alpha and beta into gamma (after 1, 2)
        """;

    private const string Limits = "limits:\n  max_parallel_tasks: 3\n  task_timeout: 2m\n";

    // The prompt names the task as "## Your task: <id> — <title>"; the script picks its edit by that line. Arguments
    // may hold no control characters, so the script is one line: YAML's folded block joins these lines with spaces.
    private const string CommandRole = """
        roles:
          coder:
            backend: command
            prompt_on_stdin: true
            command:
              - sh
              - -c
              - >-
                prompt=$(cat); case "$prompt" in
                *"## Your task: 1 "*) sleep 2; echo alpha > alpha.txt; echo "Wrote alpha.txt." ;;
                *"## Your task: 2 "*) sleep 2; echo beta > beta.txt; echo "Wrote beta.txt." ;;
                *"## Your task: 3 "*) cat alpha.txt beta.txt > gamma.txt; echo "Combined alpha and beta into gamma.txt." ;;
                *) echo "unknown task" >&2; exit 1 ;;
                esac
        """;

    /// <summary>The repository's first commit: a README, a little source and GitBot's configuration.</summary>
    public static IReadOnlyDictionary<string, string> Files(DemoAgent agent) => new Dictionary<string, string>
    {
        ["README.md"] = "# widgets\n\nA sample repository for `gitbot demo`.\n",
        ["src/widget.sh"] = "#!/bin/sh\necho widget\n",
        [".gitignore"] = "*.log\n",
        [".github/gitbot.yml"] = agent.UsesClaude ? Limits : Limits + CommandRole + "\n",
    };

    /// <summary>The scripted model's replies for the Claude Code CLI, one rule per task.</summary>
    public static ModelScript ModelScript() => new(
        Simulator.ModelServer.ModelScript.When("## Your task: 3 ", ModelStep.Bash("cat alpha.txt beta.txt > gamma.txt"), ModelStep.Text("Combined alpha and beta into gamma.txt.")),
        Simulator.ModelServer.ModelScript.When("## Your task: 1 ", ModelStep.Bash("sleep 2"), ModelStep.WriteFile("alpha.txt", "alpha\n"), ModelStep.Text("Wrote alpha.txt.")),
        Simulator.ModelServer.ModelScript.When("## Your task: 2 ", ModelStep.Bash("sleep 2"), ModelStep.WriteFile("beta.txt", "beta\n"), ModelStep.Text("Wrote beta.txt.")));
}
