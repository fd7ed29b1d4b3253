using System.Text.RegularExpressions;

namespace GitBot.Core.Plans;

/// <summary>
/// Checks a plan before anything runs: at least one and at most <c>maxTasks</c> tasks, unique ids safe in a git branch
/// name, titles, dependencies that exist and form no cycle, known roles. Every problem is reported, each precisely
/// enough to fix (or to tell the planner agent on its retry).
/// </summary>
public static partial class PlanValidator
{
    /// <summary>The problems of the plan; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<PlannedTask> tasks, IReadOnlyCollection<string> knownRoles, int maxTasks)
    {
        var problems = new List<string>();
        if (tasks.Count == 0)
        {
            problems.Add("the plan has no tasks");
            return problems;
        }

        if (tasks.Count > maxTasks)
        {
            problems.Add($"the plan has {tasks.Count} tasks; at most {maxTasks} are allowed");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (!ValidId().IsMatch(task.Id))
            {
                problems.Add($"task id \"{task.Id}\" is not valid: use 1 to 32 letters, digits, '-' or '_', starting with a letter or digit");
            }

            if (!ids.Add(task.Id) && duplicates.Add(task.Id))
            {
                problems.Add($"task id \"{task.Id}\" is used by more than one task");
            }
        }

        var roles = knownRoles.Order(StringComparer.Ordinal).ToList();
        foreach (var task in tasks)
        {
            if (string.IsNullOrWhiteSpace(task.Title))
            {
                problems.Add($"task {task.Id} has no title");
            }

            if (!knownRoles.Contains(task.Role, StringComparer.Ordinal))
            {
                problems.Add($"task {task.Id} has the unknown role \"{task.Role}\"; known roles: {(roles.Count == 0 ? "(none)" : string.Join(", ", roles))}");
            }

            foreach (var dependency in task.DependsOn)
            {
                if (string.Equals(dependency, task.Id, StringComparison.Ordinal))
                {
                    problems.Add($"task {task.Id} depends on itself");
                }
                else if (!ids.Contains(dependency))
                {
                    problems.Add($"task {task.Id} depends on \"{dependency}\", which is not a task of the plan");
                }
            }
        }

        // The search recurses once per task; a plan far over any limit is already rejected for its size.
        if (tasks.Count <= 1000)
        {
            problems.AddRange(Cycles(tasks).Select(cycle => "cycle: " + string.Join(" → ", cycle)));
        }

        return problems;
    }

    /// <summary>
    /// One cycle per back edge found by a depth-first search in plan order, each written from its first task back to
    /// it. Self-dependencies and unknown ids are reported elsewhere and ignored here.
    /// </summary>
    private static List<List<string>> Cycles(IReadOnlyList<PlannedTask> tasks)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            edges.TryAdd(task.Id, []);
        }

        foreach (var task in tasks)
        {
            edges[task.Id].AddRange(task.DependsOn.Where(d => edges.ContainsKey(d) && !string.Equals(d, task.Id, StringComparison.Ordinal)));
        }

        var cycles = new List<List<string>>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var onPath = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string id)
        {
            path.Add(id);
            onPath.Add(id);
            foreach (var next in edges[id].Distinct(StringComparer.Ordinal))
            {
                if (onPath.Contains(next))
                {
                    var start = path.IndexOf(next);
                    cycles.Add([.. path.Skip(start), next]);
                }
                else if (!done.Contains(next))
                {
                    Visit(next);
                }
            }

            onPath.Remove(id);
            path.RemoveAt(path.Count - 1);
            done.Add(id);
        }

        foreach (var id in edges.Keys)
        {
            if (!done.Contains(id))
            {
                Visit(id);
            }
        }

        return cycles;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex ValidId();
}
