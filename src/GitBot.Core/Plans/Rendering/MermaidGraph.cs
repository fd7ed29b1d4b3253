using System.Text;

namespace GitBot.Core.Plans.Rendering;

/// <summary>
/// The plan as a Mermaid flowchart: one node per task (<c>t{ordinal}</c>, so task ids can never collide with Mermaid
/// keywords), an edge from each dependency to its dependent, and a class per state. Labels are quoted and every
/// character Mermaid or the surrounding code fence could interpret is written as a Mermaid entity.
/// </summary>
internal static class MermaidGraph
{
    private const int MaxLabel = 60;

    public static string Render(IReadOnlyList<TaskRecord> tasks)
    {
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            nodes.TryAdd(task.Id, "t" + task.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var graph = new StringBuilder();
        graph.Append("```mermaid\ngraph TD\n");
        foreach (var task in tasks)
        {
            graph.Append("    ").Append(nodes[task.Id]).Append("[\"").Append(Label(task.Id + ": " + task.Definition.Title)).Append("\"]\n");
        }

        foreach (var task in tasks)
        {
            foreach (var dependency in task.Definition.DependsOn.Distinct(StringComparer.Ordinal))
            {
                if (nodes.TryGetValue(dependency, out var from))
                {
                    graph.Append("    ").Append(from).Append(" --> ").Append(nodes[task.Id]).Append('\n');
                }
            }
        }

        foreach (var group in tasks.GroupBy(t => t.State).OrderBy(g => g.Key))
        {
            var name = TaskStateText.ClassName(group.Key);
            graph.Append("    classDef ").Append(name).Append(' ').Append(TaskStateText.ClassStyle(group.Key)).Append('\n');
            graph.Append("    class ").Append(string.Join(',', group.Select(t => nodes[t.Id]).Distinct(StringComparer.Ordinal))).Append(' ').Append(name).Append('\n');
        }

        return graph.Append("```").ToString();
    }

    private static string Label(string text)
    {
        var scrubbed = GitBot.Core.Text.SecretScrubber.Scrub(text);
        var label = new StringBuilder();
        var count = 0;
        for (var i = 0; i < scrubbed.Length; i++)
        {
            var c = scrubbed[i];
            if (count++ == MaxLabel)
            {
                label.Append('…');
                break;
            }

            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                label.Append(' ');
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or ':' or '-' or '_' or '/' or '(' or ')' or '\'' or '?' or '+' or '=')
            {
                label.Append(c);
            }
            else if (c < 128)
            {
                // #35; is Mermaid's entity syntax; it covers quotes, brackets, backticks, <, >, &, # and the like.
                label.Append('#').Append((int)c).Append(';');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < scrubbed.Length && char.IsLowSurrogate(scrubbed[i + 1]))
            {
                label.Append(c).Append(scrubbed[++i]);
            }
            else if (!char.IsSurrogate(c) && c is not ((>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))
            {
                label.Append(c);
            }
        }

        return label.ToString();
    }
}
