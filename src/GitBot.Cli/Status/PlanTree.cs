using Spectre.Console;

namespace GitBot.Cli.Status;

/// <summary>
/// Lays a plan's tasks out as a tree: a task hangs under its last dependency in plan order (the one that lets it start),
/// tasks without dependencies at the root. Every task appears exactly once; a dependency that names no task of the plan
/// (or a cycle, which the validator rejects) leaves the task at the root rather than losing it.
/// </summary>
internal static class PlanTree
{
    public static void Fill(Tree tree, IReadOnlyList<TaskLine> tasks, Func<TaskLine, string> label)
    {
        var order = tasks.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var parentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var parent = task.DependsOn.Where(order.ContainsKey).OrderBy(d => order[d]).LastOrDefault();
            if (parent is not null && order[parent] < order[task.Id])
            {
                parentOf[task.Id] = parent;
            }
        }

        var children = tasks.Where(t => parentOf.ContainsKey(t.Id)).ToLookup(t => parentOf[t.Id], StringComparer.Ordinal);
        foreach (var root in tasks.Where(t => !parentOf.ContainsKey(t.Id)))
        {
            Add(tree.AddNode(label(root)), root, children, label);
        }
    }

    private static void Add(TreeNode node, TaskLine task, ILookup<string, TaskLine> children, Func<TaskLine, string> label)
    {
        foreach (var child in children[task.Id])
        {
            Add(node.AddNode(label(child)), child, children, label);
        }
    }
}
