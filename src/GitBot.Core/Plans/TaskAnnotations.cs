using System.Text.RegularExpressions;

namespace GitBot.Core.Plans;

/// <summary>
/// The inline annotations of one task-list item. A parenthesised group is an annotation only when every part of it
/// (parts separated by <c>;</c>) is recognised; anything else, such as <c>(optional)</c>, stays in the title.
/// </summary>
internal sealed partial record TaskAnnotations(string Title, string Role, IReadOnlyList<string> DependsOn, IReadOnlyList<string> Files)
{
    public static TaskAnnotations Extract(string text, string defaultRole, IReadOnlyCollection<string> knownRoles)
    {
        string? role = null;
        var dependsOn = new List<string>();
        var files = new List<string>();

        var title = Group().Replace(text, match =>
        {
            var parts = match.Groups["body"].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var parsed = parts.Select(p => ParsePart(p, knownRoles)).ToList();
            if (parts.Length == 0 || parsed.Any(p => p is null))
            {
                return match.Value;
            }

            foreach (var part in parsed)
            {
                role = part!.Role ?? role;
                dependsOn.AddRange(part.DependsOn.Where(d => !dependsOn.Contains(d, StringComparer.Ordinal)));
                files.AddRange(part.Files.Where(f => !files.Contains(f, StringComparer.Ordinal)));
            }

            return " ";
        });

        return new TaskAnnotations(Spaces().Replace(title, " ").Trim(), role ?? defaultRole, dependsOn, files);
    }

    private static Part? ParsePart(string part, IReadOnlyCollection<string> knownRoles)
    {
        var explicitRole = RolePart().Match(part);
        if (explicitRole.Success)
        {
            // An explicit role is kept even when unknown, so validation can say so instead of silently ignoring it.
            var name = explicitRole.Groups["name"].Value;
            return new Part(knownRoles.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)) ?? name, [], []);
        }

        var known = knownRoles.FirstOrDefault(r => string.Equals(r, part, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return new Part(known, [], []);
        }

        var after = AfterPart().Match(part);
        if (after.Success)
        {
            var ids = IdSeparators().Split(after.Groups["ids"].Value)
                .Select(id => id.TrimStart('#'))
                .Where(id => id.Length > 0 && !IsFiller(id))
                .ToList();

            // Task-list ids are numbers, so "(after lunch)" stays in the title rather than becoming a dependency.
            return ids.Count == 0 || !ids.All(id => id.All(char.IsAsciiDigit)) ? null : new Part(null, ids, []);
        }

        var filesPart = FilesPart().Match(part);
        if (filesPart.Success)
        {
            var paths = filesPart.Groups["paths"].Value
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Trim('`'))
                .Where(p => p.Length > 0)
                .ToList();
            return paths.Count == 0 ? null : new Part(null, [], paths);
        }

        return null;
    }

    private static bool IsFiller(string word) =>
        word is "and" or "And" or "AND" or "task" or "tasks" or "Task" or "Tasks" or "&";

    private sealed record Part(string? Role, IReadOnlyList<string> DependsOn, IReadOnlyList<string> Files);

    [GeneratedRegex(@"\((?<body>[^()]*)\)")]
    private static partial Regex Group();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?i:role|agent)\s*:\s*(?<name>[A-Za-z0-9_-]+)$")]
    private static partial Regex RolePart();

    [GeneratedRegex(@"^(?i:after|depends\s+on|depends-on)\s*:?\s+(?<ids>.+)$")]
    private static partial Regex AfterPart();

    [GeneratedRegex(@"[\s,]+")]
    private static partial Regex IdSeparators();

    [GeneratedRegex(@"^(?i:files?)\s*:\s*(?<paths>.+)$")]
    private static partial Regex FilesPart();
}
