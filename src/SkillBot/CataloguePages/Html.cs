using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SkillBot.CataloguePages;

/// <summary>
/// An HTML document written in one pass. Catalogue text is operator input: everything that is not markup written here goes
/// through <see cref="Text"/> (element content and attribute values alike), which escapes &amp; &lt; &gt; " and ' and keeps
/// every script readable (Chinese stays Chinese, not numeric references).
/// </summary>
internal sealed class Html(Func<string, string>? href = null)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new(16 * 1024);

    /// <summary>Markup written by this code: never catalogue text or anything from a request.</summary>
    public Html Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        _html.Append(Encoder.Encode(text ?? ""));
        return this;
    }

    /// <summary><c>&lt;TAG attributes&gt;text&lt;/TAG&gt;</c>; attributes are markup, their values already escaped.</summary>
    public Html Element(string tag, string? text, string attributes = "")
    {
        _html.Append('<').Append(tag).Append(attributes.Length > 0 ? " " + attributes : "").Append('>');
        Text(text);
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A link to a page of this site: the page's view (its language, the tab) is kept on it.</summary>
    public Html Link(string path, string text, string attributes = "") =>
        Raw($"<a href=\"{Attribute(href is null ? path : href(path))}\"{(attributes.Length > 0 ? " " + attributes : "")}>").Text(text).Raw("</a>");

    public static string Attribute(string value) => Encoder.Encode(value);

    public override string ToString() => _html.ToString();
}
