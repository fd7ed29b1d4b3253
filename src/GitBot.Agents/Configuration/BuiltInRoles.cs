using GitBot.Core.Configuration;

namespace GitBot.Agents.Configuration;

/// <summary>
/// The roles every repository has. A repository may override any field of them (role files, gitbot.yml
/// <c>roles</c>) and add its own.
/// </summary>
public static class BuiltInRoles
{
    /// <summary>The role asked to turn an issue without a task list into a plan. It reads, never edits.</summary>
    public const string Planner = "planner";

    /// <summary>The role of tasks that name none, unless the repository sets <c>default_role</c>.</summary>
    public const string DefaultRoleName = "coder";

    /// <summary>The built-in source name recorded in <see cref="RoleDefinition.Source"/>.</summary>
    public const string Source = "built-in";

    private static readonly string[] ReadOnlyTools = ["Read", "Glob", "Grep", "LS"];
    private static readonly string[] CoderTools = ["Read", "Write", "Edit", "MultiEdit", "Glob", "Grep", "LS", "Bash"];

    private const string Common =
        " Work only inside the current working directory, which is a git worktree of the repository on the task's branch." +
        " Do not commit, push or switch branches: GitBot commits your changes. Keep changes focused on the task; do not" +
        " reformat unrelated code. When done, reply with a short summary of what you changed and why.";

    /// <summary>Every built-in role by name.</summary>
    public static IReadOnlyDictionary<string, RoleDefinition> All { get; } = new Dictionary<string, RoleDefinition>(StringComparer.Ordinal)
    {
        [Planner] = Role(
            Planner,
            "Reads the repository and breaks an issue into tasks; never edits files.",
            "You are the planner. Read the issue and the repository, then break the work into a small number of" +
            " independent, well-scoped tasks with clear instructions, the role best suited to each and the dependencies" +
            " between them. Plan only: never create, edit or delete files and never run commands that change anything." +
            " Answer with the JSON plan you are asked for and nothing else.",
            ReadOnlyTools),
        [DefaultRoleName] = Role(
            DefaultRoleName,
            "General software engineer: implements changes anywhere in the repository.",
            "You are a careful software engineer. Implement the task completely, following the conventions already used" +
            " in the repository, and add or update tests for the behaviour you change." + Common,
            CoderTools),
        ["backend"] = Role(
            "backend",
            "Server-side code: APIs, services, data access, background jobs.",
            "You are a backend engineer. Implement the task in the server-side code: APIs, services, data access and" +
            " jobs. Validate input, handle errors explicitly, keep data changes backward compatible and cover the" +
            " change with tests." + Common,
            CoderTools),
        ["frontend"] = Role(
            "frontend",
            "User interface: components, styles, client-side behaviour.",
            "You are a frontend engineer. Implement the task in the user interface, following the existing component" +
            " structure and styles. Keep it accessible (labels, keyboard use, contrast) and cover behaviour with the" +
            " repository's frontend tests where they exist." + Common,
            CoderTools),
        ["docs"] = Role(
            "docs",
            "Documentation: README, guides, reference and code comments.",
            "You are a technical writer. Write or update documentation for the task: accurate, concise, with examples" +
            " that work as written. Check every statement against the code; change code only where the task asks." + Common,
            CoderTools),
        ["tests"] = Role(
            "tests",
            "Tests: adds and fixes automated tests.",
            "You are a test engineer. Add or improve automated tests for the task using the repository's test framework" +
            " and conventions. Tests must be deterministic and able to fail; run them. Do not change production code" +
            " unless a test exposes a bug the task asks you to fix." + Common,
            CoderTools),
    };

    private static RoleDefinition Role(string name, string description, string prompt, string[] tools) =>
        new(name, description, prompt, tools, Model: null, Backend: "claude", Command: [], PromptOnStdin: false, PassEnvironment: [], Source);
}
