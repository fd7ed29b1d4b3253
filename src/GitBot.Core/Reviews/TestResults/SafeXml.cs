using System.Xml;
using System.Xml.Linq;

namespace GitBot.Core.Reviews.TestResults;

/// <summary>Loads untrusted XML from a string: no DTDs, no external entities, no resolver.</summary>
internal static class SafeXml
{
    public static XDocument? Load(string xml, out string? error)
    {
        error = null;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            error = "the XML does not parse: " + e.Message;
            return null;
        }
    }

    public static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;

    public static int IntAttr(XElement element, string name) =>
        int.TryParse(Attr(element, name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;
}
