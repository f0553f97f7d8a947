using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using SkillBot.Cards;

namespace SkillBot.CataloguePages;

/// <summary>
/// How a page is asked for: its language (<c>?lang=zh</c>, else the browser's Accept-Language, else English), and whether
/// it is the Teams tab's (<c>?view=tab</c>: Teams may frame it, and it loads TeamsJS). What the URL asked for is kept on
/// every link of the page, so a reader stays in their language and the tab stays a tab.
/// </summary>
public sealed partial record PageView(string Language, bool Tab, bool LanguageInUrl)
{
    public const string LanguageParameter = "lang";
    public const string ViewParameter = "view";
    public const string TabView = "tab";

    public static readonly PageView Default = new("en", false, false);

    /// <summary>The view's part of a URL's query ("lang=zh&amp;view=tab"), empty by default.</summary>
    public string Query { get; } = string.Join("&", new[]
    {
        LanguageInUrl ? $"{LanguageParameter}={Language}" : null,
        Tab ? $"{ViewParameter}={TabView}" : null,
    }.OfType<string>());

    public Labels Labels => Labels.For(Language);

    /// <summary>An internal link that keeps the view: its query goes after the path's own, before the anchor.</summary>
    public string Href(string path)
    {
        if (Query.Length == 0)
        {
            return path;
        }
        var anchor = path.IndexOf('#', StringComparison.Ordinal);
        var (before, after) = anchor < 0 ? (path, "") : (path[..anchor], path[anchor..]);
        return before + (before.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Query + after;
    }

    /// <summary>
    /// The view a request asks for, or the problem with its query (a 400): only <paramref name="parameters"/> and the
    /// view's own are taken, each once; <c>lang</c> is a language the pages come in (en, zh, with any region), <c>view</c> is <c>tab</c>.
    /// </summary>
    public static PageView? From(HttpRequest request, IReadOnlyCollection<string> parameters, out string? problem)
    {
        problem = null;
        var labels = Preferred(request).Labels;
        foreach (var (name, values) in request.Query)
        {
            if (values.Count > 1)
            {
                problem = labels.Format("catalogue.query.twice", Shown(name));
                return null;
            }
            if (name != LanguageParameter && name != ViewParameter && !parameters.Contains(name))
            {
                problem = labels.Format("catalogue.query.unknown", Shown(name));
                return null;
            }
        }
        var view = request.Query[ViewParameter];
        var tab = view.Count == 1;
        if (tab && view != TabView)
        {
            problem = labels.Format("catalogue.query.view", ViewParameter, TabView);
            return null;
        }
        if (request.Query[LanguageParameter] is { Count: 1 } asked)
        {
            if (Supported(asked.ToString()) is not { } language)
            {
                problem = labels.Format("catalogue.query.language", string.Join(", ", Labels.Languages.Order(StringComparer.Ordinal)), Shown(asked.ToString()));
                return null;
            }
            return new PageView(language, tab, LanguageInUrl: true);
        }
        return new PageView(FromHeader(request.Headers.AcceptLanguage), tab, LanguageInUrl: false);
    }

    /// <summary>The default view in the language the browser prefers: for a page about a query that could not be read.</summary>
    public static PageView Preferred(HttpRequest request) => new(FromHeader(request.Headers.AcceptLanguage), false, false);

    /// <summary>The supported language a tag names ("zh", "zh-CN", "zh-Hans-CN" → zh), or null.</summary>
    private static string? Supported(string tag) =>
        LanguageTag().IsMatch(tag) && tag.Split('-')[0].ToLowerInvariant() is var primary && Labels.Languages.Contains(primary) ? primary : null;

    /// <summary>The supported language the browser prefers most (by q-value, then order); English when it names none.</summary>
    private static string FromHeader(StringValues header)
    {
        var best = (Language: "en", Quality: -1.0);
        foreach (var range in Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.ParseList(header))
        {
            var quality = range.Quality ?? 1.0;
            if (quality > best.Quality && quality > 0 && Supported(range.Value.ToString()) is { } language)
            {
                best = (language, quality);
            }
        }
        return best.Language;
    }

    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$")]
    private static partial Regex LanguageTag();
}
