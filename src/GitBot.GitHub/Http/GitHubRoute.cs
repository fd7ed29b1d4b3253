using System.Globalization;
using System.Text;

namespace GitBot.GitHub.Http;

/// <summary>
/// A REST route: the documented template (logged, never holding values that could be secret) and the relative path
/// actually requested, with every value URL-escaped.
/// </summary>
public sealed record GitHubRoute(string Template, string Path)
{
    /// <summary>Fills <c>{placeholders}</c> of <paramref name="template"/> in order with escaped <paramref name="values"/>.</summary>
    public static GitHubRoute Create(string template, params object[] values)
    {
        var path = new StringBuilder(template.Length + 32);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                path.Append(template[i]);
                continue;
            }

            var close = template.IndexOf('}', i);
            if (close < 0 || next >= values.Length)
            {
                throw new ArgumentException($"route '{template}' does not match the {values.Length} values given", nameof(values));
            }

            path.Append(Uri.EscapeDataString(Convert.ToString(values[next++], CultureInfo.InvariantCulture) ?? string.Empty));
            i = close;
        }

        if (next != values.Length)
        {
            throw new ArgumentException($"route '{template}' does not match the {values.Length} values given", nameof(values));
        }

        return new GitHubRoute(template, path.ToString());
    }

    /// <summary>Appends a query parameter (escaped); null values are left out.</summary>
    public GitHubRoute WithQuery(string name, object? value)
    {
        if (value is null)
        {
            return this;
        }

        var separator = Path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var text = value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture);
        return this with { Path = $"{Path}{separator}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(text ?? string.Empty)}" };
    }
}
