using System.Text.RegularExpressions;

namespace GitBot.Core.Plans;

/// <summary>
/// Reads the plan a human wrote as a Markdown task list in the issue body. Every unchecked item (<c>- [ ]</c>,
/// <c>* [ ]</c>, <c>+ [ ]</c>, at any indentation) outside fenced code blocks is a task; checked items are already done
/// and skipped. Ids are <c>1</c>, <c>2</c>, ... in order of the unchecked items. Inline annotations in parentheses set
/// the role (<c>(backend)</c>, <c>(role: backend)</c>), dependencies (<c>(after 1, 2)</c>, <c>(depends on 1)</c>) and
/// files (<c>(files: src/a.cs, docs/*.md)</c>) and are removed from the title. The result is not validated (see
/// <see cref="PlanValidator"/>).
/// </summary>
public static partial class TaskListPlanParser
{
    /// <summary>
    /// The tasks of the body's task list, or null when it has none (then a planner agent makes the plan). A list whose
    /// items are all checked gives an empty list.
    /// </summary>
    public static IReadOnlyList<PlannedTask>? Parse(string? issueBody, string defaultRole, IReadOnlyCollection<string> knownRoles)
    {
        if (string.IsNullOrWhiteSpace(issueBody))
        {
            return null;
        }

        // HTML comments are invisible on GitHub (issue templates put example task lists in them): keep only their line breaks.
        var visible = HtmlComment().Replace(
            issueBody.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'),
            m => new string('\n', m.Value.Count(c => c == '\n')));
        var lines = visible.Split('\n');
        var items = FindItems(lines);
        if (items.Count == 0)
        {
            return null;
        }

        var tasks = new List<PlannedTask>();
        foreach (var item in items.Where(i => !i.Checked))
        {
            var id = (tasks.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var annotations = TaskAnnotations.Extract(item.Text, defaultRole, knownRoles);
            var instructions = item.Continuation.Count == 0
                ? annotations.Title
                : annotations.Title + "\n" + string.Join("\n", item.Continuation);
            tasks.Add(new PlannedTask(id, annotations.Title, annotations.Role, instructions, annotations.DependsOn, annotations.Files));
        }

        return tasks;
    }

    private static List<Item> FindItems(string[] lines)
    {
        var items = new List<Item>();
        Item? current = null;
        var fence = (string?)null;
        var fenceInItem = false;
        var pendingBlank = 0;

        foreach (var line in lines)
        {
            var indent = Indentation(line);
            var trimmed = line.TrimStart();
            var isFence = FenceOpener().Match(trimmed);

            if (fence is not null)
            {
                // Inside a fenced block: never a task; part of the current item only if the fence opened inside it.
                if (fenceInItem && current is not null)
                {
                    AddContinuation(current, line, ref pendingBlank);
                }

                if (isFence.Success && trimmed.TrimEnd().Length == isFence.Value.Length
                    && isFence.Value[0] == fence[0] && isFence.Value.Length >= fence.Length)
                {
                    fence = null;
                }

                continue;
            }

            if (trimmed.Length == 0)
            {
                pendingBlank++;
                continue;
            }

            var continues = current is not null && indent > current.Indent;
            if (isFence.Success)
            {
                fence = isFence.Value;
                fenceInItem = continues;
                if (continues)
                {
                    AddContinuation(current!, line, ref pendingBlank);
                }
                else
                {
                    current = null;
                }

                continue;
            }

            var task = TaskItem().Match(line);
            if (task.Success)
            {
                current = new Item(indent, !string.Equals(task.Groups["mark"].Value, " ", StringComparison.Ordinal), task.Groups["text"].Value.Trim());
                items.Add(current);
                pendingBlank = 0;
                continue;
            }

            if (continues)
            {
                AddContinuation(current!, line, ref pendingBlank);
            }
            else
            {
                current = null;
                pendingBlank = 0;
            }
        }

        foreach (var item in items)
        {
            item.Dedent();
        }

        return items;
    }

    private static void AddContinuation(Item item, string line, ref int pendingBlank)
    {
        for (; pendingBlank > 0; pendingBlank--)
        {
            item.Continuation.Add(string.Empty);
        }

        item.Continuation.Add(line.TrimEnd());
    }

    private static int Indentation(string line)
    {
        var width = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                width++;
            }
            else if (c == '\t')
            {
                width += 4 - (width % 4);
            }
            else
            {
                break;
            }
        }

        return width;
    }

    [GeneratedRegex(@"^\s*[-*+][ \t]+\[(?<mark>[ xX])\](?:[ \t]+(?<text>.*))?$")]
    private static partial Regex TaskItem();

    [GeneratedRegex(@"<!--[\s\S]*?(?:-->|$)")]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"^(?:`{3,}|~{3,})")]
    private static partial Regex FenceOpener();

    private sealed class Item(int indent, bool isChecked, string text)
    {
        public int Indent { get; } = indent;

        public bool Checked { get; } = isChecked;

        public string Text { get; } = text;

        public List<string> Continuation { get; } = [];

        /// <summary>Removes the indentation the continuation lines share, so nested Markdown keeps its shape.</summary>
        public void Dedent()
        {
            var common = Continuation.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
            for (var i = 0; i < Continuation.Count; i++)
            {
                Continuation[i] = Continuation[i].Length >= common ? Continuation[i][common..] : Continuation[i].TrimStart(' ');
            }
        }
    }
}
