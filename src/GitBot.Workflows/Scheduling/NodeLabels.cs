using System.Text.RegularExpressions;

namespace GitBot.Workflows.Scheduling;

/// <summary>
/// Routes agent tasks by node label with Quartz execution groups. A task whose role requires labels is queued with the
/// execution group named after its sorted label set (<c>labels:gpu+large</c>); a node's agent-task scheduler serves
/// the ungrouped triggers (<c>_</c>) plus one group for every non-empty subset of its own labels, and nothing else.
/// Quartz filters acquisition in the shared store by that list (and keeps the group on a recovery trigger), so with
/// clustering a labelled task is only ever acquired, misfire-handled or recovered by a node that has all its labels;
/// one whose labels no live node has waits in the queue, unmodified, until such a node joins. Because it is one
/// scheduler, labelled and unlabelled tasks share the node's agent slots.
/// </summary>
public static partial class NodeLabels
{
    /// <summary>At most this many labels per node: a node serves 2^n − 1 label groups.</summary>
    public const int MaxPerNode = 6;

    /// <summary>Quartz's name for the triggers that carry no execution group (unlabelled tasks).</summary>
    public const string Ungrouped = "_";

    private const string GroupPrefix = "labels:";

    /// <summary>
    /// Parses <c>Scheduler:Labels</c> (<c>gpu,large</c>): sorted, distinct. Throws <see cref="InvalidOperationException"/>
    /// with a plain message for a malformed label or too many.
    /// </summary>
    public static IReadOnlyList<string> Parse(string? text)
    {
        var labels = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var label in labels)
        {
            if (!Label().IsMatch(label))
            {
                throw new InvalidOperationException(
                    $"Scheduler:Labels: `{label}` is not a node label; use lower-case letters, digits, `-` and `_` (at most 32), comma-separated, e.g. `gpu,large`.");
            }
        }

        return labels.Count <= MaxPerNode
            ? labels
            : throw new InvalidOperationException($"Scheduler:Labels names {labels.Count} labels; a node may have at most {MaxPerNode}.");
    }

    /// <summary>The execution group of a task needing <paramref name="labels"/>, or null (ungrouped) for none.</summary>
    public static string? ExecutionGroup(IReadOnlyCollection<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Count == 0
            ? null
            : GroupPrefix + string.Join('+', labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>The execution groups a node with <paramref name="nodeLabels"/> serves: ungrouped plus every label subset's.</summary>
    public static IReadOnlyList<string> ServedGroups(IReadOnlyList<string> nodeLabels)
    {
        ArgumentNullException.ThrowIfNull(nodeLabels);
        var groups = new List<string> { Ungrouped };
        for (var mask = 1; mask < 1 << nodeLabels.Count; mask++)
        {
            var subset = nodeLabels.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            groups.Add(ExecutionGroup(subset)!);
        }

        return groups;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex Label();
}
