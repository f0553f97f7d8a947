using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SkillBot.Cards.Pages;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Gate;
using SkillBot.Limits;

namespace SkillBot.CataloguePages;

/// <summary>
/// The catalogue pages on this host (<see cref="CataloguePaths"/>): GET and HEAD only, HTML without script, one
/// stylesheet. A URL naming something by an alias or in other spelling is redirected (308) to its canonical URL; the
/// search box's question passes the gate like any channel's (limited per client address) and lands (303) on the page of
/// its answer. A page in the Teams tab's view (<see cref="PageView"/>) may be framed by Teams and runs TeamsJS; no other may be framed.
/// </summary>
public static class CataloguePagesEndpoints
{
    public const string Channel = "catalogue";

    /// <summary>Only our stylesheet; no script at all; framed by nobody.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The Teams tab: our scripts too (TeamsJS and its start; TeamsJS fetches Microsoft's list of host origins from its CDN,
    /// else uses the list it ships), framed by the hosts Microsoft lists for tabs (Teams, the Microsoft 365 app, Outlook;
    /// all moving to *.cloud.microsoft), and by this host.
    /// </summary>
    private const string TabContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src https://res.cdn.office.net; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.microsoft365.com " +
        "https://*.office.com https://outlook.office365.com https://outlook-sdf.office365.com";

    private const string HtmlType = "text/html; charset=utf-8";

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>A page is a function of the catalogue, its language and this build: they go into its ETag.</summary>
    private static readonly string Build = typeof(CataloguePage).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    private static readonly Lazy<byte[]> Stylesheet = new(() => Embedded("catalogue.css"));

    private static readonly Lazy<byte[]> TabScript = new(() => Embedded(CataloguePage.TabScript));

    public static WebApplication MapCataloguePages(this WebApplication app)
    {
        var pages = app.MapGroup(CataloguePaths.Root);
        var teamsScript = new Lazy<byte[]?>(() => app.Environment.WebRootFileProvider.GetFileInfo("lib/teams-js/MicrosoftTeams.min.js") is { Exists: true } file
            ? File.ReadAllBytes(file.PhysicalPath!)
            : null);
        pages.MapMethods("", GetOrHead, (HttpContext context, Assistant assistant, RenderedPages rendered, IOptions<CataloguePagesOptions> options) =>
            Serve(context, assistant, rendered, options, page => page.Index()));
        pages.MapMethods("/catalogue.css", GetOrHead, (HttpContext context) => Asset(context, Stylesheet.Value, "text/css; charset=utf-8"));
        pages.MapMethods("/" + CataloguePage.TabScript, GetOrHead, (HttpContext context) => Asset(context, TabScript.Value, "text/javascript; charset=utf-8"));
        pages.MapMethods("/" + CataloguePage.TeamsScript, GetOrHead, (HttpContext context) =>
            teamsScript.Value is { } script ? Asset(context, script, "text/javascript; charset=utf-8") : Results.NotFound());
        pages.MapMethods("/skills/{skill}", GetOrHead, (string skill, HttpContext context, Assistant assistant, RenderedPages rendered, IOptions<CataloguePagesOptions> options) =>
            Serve(context, assistant, rendered, options, page => page.Skill(skill)));
        pages.MapMethods("/roles/{role}/{level}", GetOrHead, (string role, string level, HttpContext context, Assistant assistant, RenderedPages rendered, IOptions<CataloguePagesOptions> options) =>
            Serve(context, assistant, rendered, options, page => page.Role(role, level)));
        pages.MapMethods("/compare/levels/{role}/{from}/{to}", GetOrHead, (string role, string from, string to, HttpContext context, Assistant assistant, RenderedPages rendered, IOptions<CataloguePagesOptions> options) =>
            Serve(context, assistant, rendered, options, page => page.CompareLevels(role, from, to)));
        pages.MapMethods("/compare/roles/{role}/{other}/{level}", GetOrHead, (string role, string other, string level, HttpContext context, Assistant assistant, RenderedPages rendered, IOptions<CataloguePagesOptions> options) =>
            Serve(context, assistant, rendered, options, page => page.CompareRoles(role, other, level)));
        pages.MapMethods("/compare/moves/{role}/{level}/{other}/{to}", GetOrHead, (string role, string level, string other, string to, HttpContext context, Assistant assistant, RenderedPages rendered, IOptions<CataloguePagesOptions> options) =>
            Serve(context, assistant, rendered, options, page => page.Move(role, level, other, to)));
        pages.MapMethods("/compare", GetOrHead, (string? role, string? from, string? to, string? other, string? level, HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options) =>
        {
            if (Page(context, assistant, options, ["role", "from", "to", "other", "level"], out var problem) is not { } page)
            {
                return BadQuery(context, assistant, options, problem);
            }
            // The index's forms: two levels of a role, two roles at a level, or a move; the page itself checks the names.
            return (role, from, to, other, level) switch
            {
                ({ } r, { } f, { } t, null, null) => Send(context, page.View, RedirectOrPage(page.CompareLevels(r, f, t), CataloguePaths.CompareLevels(r, f, t)), StatusCodes.Status303SeeOther),
                ({ } r, null, { } t, { } o, { } l) => Send(context, page.View, RedirectOrPage(page.Move(r, l, o, t), CataloguePaths.Move(r, l, o, t)), StatusCodes.Status303SeeOther),
                ({ } r, null, null, { } o, { } l) => Send(context, page.View, RedirectOrPage(page.CompareRoles(r, o, l), CataloguePaths.CompareRoles(r, o, l)), StatusCodes.Status303SeeOther),
                _ => Send(context, page.View, page.Problem(
                    string.Format(CultureInfo.InvariantCulture, page.View.Labels["catalogue.compareTakes"], "role", "from", "to", "other", "level"), StatusCodes.Status400BadRequest)),
            };
        });
        pages.MapMethods("/search", GetOrHead, async (string? q, HttpContext context, Assistant assistant, TurnGate gate, IOptions<CataloguePagesOptions> options) =>
        {
            if (Page(context, assistant, options, ["q"], out var problem) is not { } page)
            {
                return BadQuery(context, assistant, options, problem);
            }
            if (string.IsNullOrWhiteSpace(q))
            {
                return Send(context, page.View, new PageResult.Redirect(CataloguePaths.Root), StatusCodes.Status303SeeOther);
            }
            var reply = await gate.PassFromClientAsync(Turn.Question(Channel, null, q), context.Connection.RemoteIpAddress, context.RequestAborted);
            switch (reply.Outcome)
            {
                case GateOutcome.TooLong:
                    return Send(context, page.View, page.Search("", reply.Answer, StatusCodes.Status400BadRequest));
                case GateOutcome.RateLimited:
                    context.Response.Headers.RetryAfter = ChatRateLimiter.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    return Send(context, page.View, page.Search(q, reply.Answer, StatusCodes.Status429TooManyRequests));
            }
            var answer = reply.Answer;
            return answer.Intent is Intent.Help or Intent.NotFound or Intent.Clarify or Intent.Changes
                || CataloguePaths.For(answer, page.Catalogue) is not { } path
                ? Send(context, page.View, page.Search(q, answer))
                : Send(context, page.View, new PageResult.Redirect(path), StatusCodes.Status303SeeOther);
        });
        return app;
    }

    /// <summary>The page renderer for this request's view, or null with the problem when its query is not one the pages take.</summary>
    private static CataloguePage? Page(HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options, IReadOnlyCollection<string> parameters, out string? problem) =>
        PageView.From(context.Request, parameters, out problem) is { } view ? new CataloguePage(assistant.Catalogue, options.Value.PublicUri, view) : null;

    /// <summary>The 400 page for a query the pages do not take: what is wrong with it, in the language the browser prefers.</summary>
    private static IResult BadQuery(HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options, string? problem)
    {
        var view = PageView.Preferred(context.Request);
        return Send(context, view, new CataloguePage(assistant.Catalogue, options.Value.PublicUri, view).Problem(problem!, StatusCodes.Status400BadRequest));
    }

    /// <summary>A page of the catalogue being served: kept rendered (<see cref="RenderedPages"/>) once it has been served with 200.</summary>
    private static IResult Serve(HttpContext context, Assistant assistant, RenderedPages rendered, IOptions<CataloguePagesOptions> options, Func<CataloguePage, PageResult> render)
    {
        if (Page(context, assistant, options, [], out var problem) is not { } page)
        {
            return BadQuery(context, assistant, options, problem);
        }
        var (catalogue, view) = (page.Catalogue, page.View); // one snapshot for the page and its ETag, whatever a reload does meanwhile
        var key = view.Query.Length == 0 ? context.Request.Path.Value ?? "" : $"{context.Request.Path.Value}?{view.Query}";
        if (rendered.Find(catalogue, view.Language, key) is not { } html)
        {
            var result = render(page);
            if (result is not PageResult.Page { Status: StatusCodes.Status200OK } ok)
            {
                return Send(context, view, result);
            }
            html = Encoding.UTF8.GetBytes(ok.Html);
            rendered.Keep(catalogue, view.Language, key, html);
        }
        Secure(context, view);
        var tag = $"\"{catalogue.Version}-{Build}-{view.Language}\"";
        context.Response.Headers.ETag = tag;
        context.Response.Headers.CacheControl = "public, max-age=60";
        return context.Request.Headers.IfNoneMatch.Any(v => v == tag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(html, HtmlType);
    }

    /// <summary>A form names things by slug already: a comparison it asks for is a redirect to the comparison's canonical URL.</summary>
    private static PageResult RedirectOrPage(PageResult result, string asked) =>
        result is PageResult.Page { Status: StatusCodes.Status200OK } ? new PageResult.Redirect(asked) : result;

    /// <summary>A redirect (keeping the view on its target), or what is not a page of the catalogue: a search's answer, a problem, made for this request only.</summary>
    private static IResult Send(HttpContext context, PageView view, PageResult result, int redirectStatus = StatusCodes.Status308PermanentRedirect)
    {
        Secure(context, view);
        if (result is PageResult.Redirect redirect)
        {
            context.Response.Headers.Location = view.Href(redirect.Path);
            return Results.StatusCode(redirectStatus);
        }
        var page = (PageResult.Page)result;
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(page.Html, HtmlType, statusCode: page.Status);
    }

    private static IResult Asset(HttpContext context, byte[] content, string type)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(content, type);
    }

    private static byte[] Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Secure(HttpContext context, PageView view)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = view.Tab ? TabContentSecurityPolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // frame-ancestors decides; the old header cannot name Teams' hosts, so the tab has none.
        headers[HeaderNames.XFrameOptions] = view.Tab ? default : "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!view.LanguageInUrl)
        {
            headers.Vary = HeaderNames.AcceptLanguage; // the language came from the browser's header
        }
    }
}
