namespace GitBot.Core.Plans.Prompts;

/// <summary>
/// Wraps untrusted text (issue bodies, task instructions) in XML-like tags the prompt refers to. Guarantee: the text
/// cannot close the block early, because any closing tag of the same name inside it is defused.
/// </summary>
public static class UntrustedBlock
{
    public static string Wrap(string tag, string? text)
    {
        var content = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        content = content.Replace("</" + tag, "<\\/" + tag, StringComparison.OrdinalIgnoreCase);
        return $"<{tag}>\n{content}\n</{tag}>";
    }
}
