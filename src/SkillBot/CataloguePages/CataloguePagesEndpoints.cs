using System.Globalization;
using System.Reflection;
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
/// The catalogue pages on this host (<see cref="CataloguePaths"/>): GET only, HTML without script, one stylesheet. A URL
/// naming something by an alias or in other spelling is redirected (308) to its canonical URL; the search box's question
/// passes the gate like any channel's (limited per client address) and lands (303) on the page of its answer.
/// </summary>
public static class CataloguePagesEndpoints
{
    public const string Channel = "catalogue";

    /// <summary>Only our stylesheet; no script at all. Teams may frame the pages (the app's personal tab), nobody else.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";

    /// <summary>A page is a function of the catalogue and this build: both go into its ETag.</summary>
    private static readonly string Build = typeof(CataloguePage).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("catalogue.css")
            ?? throw new InvalidOperationException("catalogue.css is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static WebApplication MapCataloguePages(this WebApplication app)
    {
        var pages = app.MapGroup(CataloguePaths.Root);
        pages.MapGet("", (HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options) =>
            Send(context, assistant, Page(assistant, options).Index()));
        pages.MapGet("/catalogue.css", (HttpContext context) =>
        {
            Secure(context);
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        });
        pages.MapGet("/skills/{skill}", (string skill, HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options) =>
            Send(context, assistant, Page(assistant, options).Skill(skill)));
        pages.MapGet("/roles/{role}/{level}", (string role, string level, HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options) =>
            Send(context, assistant, Page(assistant, options).Role(role, level)));
        pages.MapGet("/compare/levels/{role}/{from}/{to}", (string role, string from, string to, HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options) =>
            Send(context, assistant, Page(assistant, options).CompareLevels(role, from, to)));
        pages.MapGet("/compare/roles/{role}/{other}/{level}", (string role, string other, string level, HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options) =>
            Send(context, assistant, Page(assistant, options).CompareRoles(role, other, level)));
        pages.MapGet("/compare/moves/{role}/{level}/{other}/{to}", (string role, string level, string other, string to, HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options) =>
            Send(context, assistant, Page(assistant, options).Move(role, level, other, to)));
        pages.MapGet("/compare", (string? role, string? from, string? to, string? other, string? level, HttpContext context, Assistant assistant, IOptions<CataloguePagesOptions> options) =>
        {
            var page = Page(assistant, options);
            // The index's forms: two levels of a role, or two roles at a level; the page itself checks the names.
            return (role, from, to, other, level) switch
            {
                ({ } r, { } f, { } t, null, null) => Send(context, assistant, RedirectOrPage(page.CompareLevels(r, f, t), CataloguePaths.CompareLevels(r, f, t)), StatusCodes.Status303SeeOther),
                ({ } r, null, { } t, { } o, { } l) => Send(context, assistant, RedirectOrPage(page.Move(r, l, o, t), CataloguePaths.Move(r, l, o, t)), StatusCodes.Status303SeeOther),
                ({ } r, null, null, { } o, { } l) => Send(context, assistant, RedirectOrPage(page.CompareRoles(r, o, l), CataloguePaths.CompareRoles(r, o, l)), StatusCodes.Status303SeeOther),
                _ => Send(context, assistant, page.Problem("Compare takes role, from and to (two levels), role, other and level (two roles), or role, level, other and to (a move).", StatusCodes.Status400BadRequest)),
            };
        });
        pages.MapGet("/search", async (string? q, HttpContext context, Assistant assistant, TurnGate gate, IOptions<CataloguePagesOptions> options) =>
        {
            var page = Page(assistant, options);
            if (string.IsNullOrWhiteSpace(q))
            {
                return Send(context, assistant, new PageResult.Redirect(CataloguePaths.Root), StatusCodes.Status303SeeOther);
            }
            var reply = await gate.PassFromClientAsync(Turn.Question(Channel, null, q), context.Connection.RemoteIpAddress, context.RequestAborted);
            switch (reply.Outcome)
            {
                case GateOutcome.TooLong:
                    return Send(context, assistant, page.Search("", reply.Answer, StatusCodes.Status400BadRequest));
                case GateOutcome.RateLimited:
                    context.Response.Headers.RetryAfter = ChatRateLimiter.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    return Send(context, assistant, page.Search(q, reply.Answer, StatusCodes.Status429TooManyRequests));
            }
            var answer = reply.Answer;
            return answer.Intent is Intent.Help or Intent.NotFound or Intent.Clarify or Intent.Changes
                || CataloguePaths.For(answer, assistant.Catalogue) is not { } path
                ? Send(context, assistant, page.Search(q, answer))
                : Send(context, assistant, new PageResult.Redirect(path), StatusCodes.Status303SeeOther);
        });
        return app;
    }

    private static CataloguePage Page(Assistant assistant, IOptions<CataloguePagesOptions> options) =>
        new(assistant.Catalogue, options.Value.PublicUri);

    /// <summary>A form names things by slug already: a comparison it asks for is a redirect to the comparison's canonical URL.</summary>
    private static PageResult RedirectOrPage(PageResult result, string asked) =>
        result is PageResult.Page { Status: StatusCodes.Status200OK } ? new PageResult.Redirect(asked) : result;

    private static IResult Send(HttpContext context, Assistant assistant, PageResult result, int redirectStatus = StatusCodes.Status308PermanentRedirect)
    {
        Secure(context);
        if (result is PageResult.Redirect redirect)
        {
            context.Response.Headers.Location = redirect.Path;
            return Results.StatusCode(redirectStatus);
        }
        var page = (PageResult.Page)result;
        if (page.Status == StatusCodes.Status200OK && context.Request.Path.StartsWithSegments(CataloguePaths.Search) is false)
        {
            var tag = $"\"{assistant.Catalogue.Version}-{Build}\"";
            context.Response.Headers.ETag = tag;
            context.Response.Headers.CacheControl = "public, max-age=60";
            if (context.Request.Headers.IfNoneMatch.Any(v => v == tag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
        }
        else
        {
            context.Response.Headers.CacheControl = "no-store";
        }
        return Results.Content(page.Html, "text/html; charset=utf-8", statusCode: page.Status);
    }

    private static void Secure(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers[HeaderNames.XFrameOptions] = default; // frame-ancestors decides; the old header cannot name Teams' hosts
        headers["Referrer-Policy"] = "no-referrer";
    }
}
