using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>
/// The node operator's overlay of a repository's <c>.github/gitbot.yml</c> (the Action's <c>role-overrides</c> and
/// <c>model</c> inputs, or <c>Agents:ConfigOverlay</c>): YAML in the same format, merged over the file before it is read.
/// </summary>
/// <remarks>
/// Guarantees: mappings merge key by key, recursively; a scalar or a sequence in the overlay replaces the file's value
/// whole; nodes that come from the overlay are remembered so a problem in them names <see cref="RepoConfigFiles.OverlayName"/>,
/// not the repository's file. The overlay's own key <see cref="ModelOverrideKey"/> is taken out before the merge (the
/// repository's file cannot use it): it sets the model of every role and of the reviewers.
/// </remarks>
internal static class ConfigOverlay
{
    /// <summary>Overlay-only key: the model for every role and for the review agents.</summary>
    public const string ModelOverrideKey = RepoConfigFiles.ModelOverrideKey;

    /// <summary>The overlay's root mapping without <see cref="ModelOverrideKey"/>, and that key's value (null when absent).</summary>
    public static (YamlMappingNode? Root, string? ModelOverride) SplitModelOverride(YamlConfigReader reader, YamlNode? root)
    {
        if (root is null)
        {
            return (null, null);
        }

        var map = reader.Mapping(root, "");
        if (map is null)
        {
            return (null, null);
        }

        string? model = null;
        var rest = new YamlMappingNode();
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: ModelOverrideKey })
            {
                model = YamlConfigReader.IsNull(value) ? null : reader.String(value, ModelOverrideKey)?.Trim();
                if (model is { Length: 0 })
                {
                    reader.Report(value, ModelOverrideKey, "expected a model name, got an empty string");
                    model = null;
                }

                continue;
            }

            rest.Add(key, value);
        }

        return (rest, model);
    }

    /// <summary>
    /// <paramref name="overlay"/> merged over <paramref name="file"/>; either may be null. Every node taken from the
    /// overlay (keys and values, at any depth) is added to <paramref name="fromOverlay"/>.
    /// </summary>
    public static YamlNode? Merge(YamlNode? file, YamlNode? overlay, ISet<YamlNode> fromOverlay)
    {
        ArgumentNullException.ThrowIfNull(fromOverlay);
        if (overlay is null)
        {
            return file;
        }

        if (file is not YamlMappingNode fileMap || overlay is not YamlMappingNode overlayMap)
        {
            Mark(overlay, fromOverlay);
            return overlay;
        }

        var merged = new YamlMappingNode();
        var overlayEntries = overlayMap.Children
            .Where(e => e.Key is YamlScalarNode { Value: not null })
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e, StringComparer.Ordinal);
        foreach (var (key, value) in fileMap.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && overlayEntries.Remove(name, out var over))
            {
                // The file's key node keeps the line of the file's entry; a problem in the merged value says where it came from.
                merged.Add(key, YamlConfigReader.IsNull(over.Value) && value is YamlMappingNode ? value : Merge(value, over.Value, fromOverlay)!);
                continue;
            }

            merged.Add(key, value);
        }

        foreach (var (key, value) in overlayMap.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || overlayEntries.ContainsKey(name))
            {
                Mark(key, fromOverlay);
                Mark(value, fromOverlay);
                merged.Add(key, value);
            }
        }

        return merged;
    }

    private static void Mark(YamlNode node, ISet<YamlNode> fromOverlay)
    {
        fromOverlay.Add(node);
        foreach (var child in node.AllNodes)
        {
            fromOverlay.Add(child);
        }
    }
}
