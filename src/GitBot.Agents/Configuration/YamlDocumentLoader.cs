using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>Loads one YAML document into the representation model, turning every failure into a problem.</summary>
internal static class YamlDocumentLoader
{
    /// <summary>Larger configuration text is refused unread: no real config comes near it.</summary>
    public const int MaxChars = 256 * 1024;

    /// <summary>
    /// The document's root node; null when the text is empty, only comments or <c>~</c> (meaning: all defaults) and
    /// when it could not be read (then a problem with line and column has been reported).
    /// </summary>
    public static YamlNode? Load(YamlConfigReader reader, string text)
    {
        if (text.Length > MaxChars)
        {
            reader.Report(line: null, "", $"the file is larger than {MaxChars / 1024} KiB; GitBot does not read it");
            return null;
        }

        var scanner = new Scanner(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            var message = e.Message.StartsWith("Duplicate key", StringComparison.Ordinal)
                ? $"{e.Message}: each key may appear only once in a mapping"
                : $"YAML syntax error at line {reader.LineOf(e.Start)}, column {e.Start.Column}: {e.Message}";
            reader.Report(reader.LineOf(e.Start), "", message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some malformed input, e.g. an unclosed
            // flow sequence followed by a mapping; the scanner's position still says where it gave up.
            var at = scanner.CurrentPosition;
            reader.Report(reader.LineOf(at), "", $"YAML syntax error at line {reader.LineOf(at)}, column {at.Column}: the file is not well-formed YAML (check for an unclosed `[`, `{{` or quote)");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            reader.Report(stream.Documents[1].RootNode, "", "the file holds more than one YAML document (`---`); put everything in one");
            return null;
        }

        if (stream.Documents.Count == 0 || YamlConfigReader.IsNull(stream.Documents[0].RootNode))
        {
            return null;
        }

        return stream.Documents[0].RootNode;
    }
}
