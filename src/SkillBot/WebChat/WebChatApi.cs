using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Pages;
using SkillBot.Cards.Progress;
using SkillBot.CataloguePages;
using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Core.Progress;
using SkillBot.Gate;
using SkillBot.Progress;
using SkillBot.Rendering;

namespace SkillBot.WebChat;

public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>Serve the web chat at /. Unset: on in Development, off elsewhere.</summary>
    public bool? Enabled { get; set; }
}

/// <summary>
/// A chat page on localhost for trying SkillBot without Slack or Teams: it renders the same Adaptive
/// Cards with the official renderer, and its buttons take the same path as a Teams Action.Execute.
/// </summary>
public static class WebChatApi
{
    private const int MaxUserLength = 100;
    private const string Channel = "webchat";

    // The page loads only its own files; the renderer styles elements through the DOM, which style-src allows.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetSection(WebChatOptions.Section).Get<WebChatOptions>()?.Enabled ?? environment.IsDevelopment();

    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();

        var api = app.MapGroup("/api/webchat").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Api.AnswerApi.MaxBodyBytes));
        api.MapGet("/welcome", (HttpContext context, Assistant assistant, AdaptiveCardRenderer cards) => Reply(assistant.Ask(""), context, cards));
        api.MapPost("/ask", async (AskRequest request, HttpContext context, TurnGate gate, ProgressDesk progress, AdaptiveCardRenderer cards) =>
        {
            if (request.Q is null)
            {
                return Problem("Missing 'q': the question to answer.");
            }
            if (UserOf(request.User, out var user) is { } problem)
            {
                return problem;
            }
            if (progress.Read(request.Q) is { } question)
            {
                return await PassProgress(gate, Turn.Question(Channel, user, request.Q), context, progress.RateLimited(question.Language), cancel => progress.AnswerAsync(user, question, cancel));
            }
            return await Pass(gate, Turn.Question(Channel, user, request.Q), context, cards);
        });
        api.MapPost("/action", async (ActionRequest request, HttpContext context, TurnGate gate, ProgressDesk progress, AdaptiveCardRenderer cards) =>
        {
            if (request.Verb is { } verb && TeamsProgress.ReadAction(verb, request.Data) is { } pressed)
            {
                if (UserOf(request.User, out var clicker) is { } refused)
                {
                    return refused;
                }
                return await PassProgress(gate, Turn.Question(Channel, clicker, null), context, progress.RateLimited(pressed.Language), cancel => progress.ActAsync(clicker, pressed, cancel));
            }
            if (ExecuteAction.Parse(request.Verb, request.Data) is not { } action)
            {
                return Problem("Send {\"verb\": \"...\", \"data\": {...}} as the card's Action.Execute gave it.");
            }
            if (UserOf(request.User, out var user) is { } problem)
            {
                return problem;
            }
            return await Pass(gate, Turn.Button(Channel, user, action), context, cards);
        });
        return app;
    }

    /// <summary>Anyone can name any user here, so the gate limits the client's address as well; a limited user is told so in a card, text over the cap gets 400.</summary>
    private static async Task<IResult> Pass(TurnGate gate, Turn turn, HttpContext context, AdaptiveCardRenderer cards)
    {
        var reply = await gate.PassFromClientAsync(turn, context.Connection.RemoteIpAddress, context.RequestAborted);
        return reply.Outcome == GateOutcome.TooLong
            ? Problem($"The question is {turn.Text!.Length} characters long; the limit is {Assistant.MaxQuestionLength}.")
            : Reply(reply.Answer, context, cards);
    }

    /// <summary>A progress question or button: limited like any turn, answered with the progress card (the page has only the person on it, so share shows it there).</summary>
    private static async Task<IResult> PassProgress(TurnGate gate, Turn turn, HttpContext context, ProgressReply limited, Func<CancellationToken, Task<ProgressReply>> answer)
    {
        var reply = gate.AdmitsFromClient(turn, context.Connection.RemoteIpAddress)
            ? await answer(context.RequestAborted)
            : limited;
        return TypedResults.Ok(new CardReply(new RawJson(Encoding.UTF8.GetBytes(ProgressCard.Render(reply))), ProgressText.Render(reply)));
    }

    private static IResult? UserOf(string? user, out ChatUser? chatUser)
    {
        chatUser = null;
        if (user is null)
        {
            return null;
        }
        if (user.Length > MaxUserLength || !user.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Problem($"'user' must be up to {MaxUserLength} letters, digits or dashes.");
        }
        chatUser = new ChatUser(Channel, null, user);
        return null;
    }

    private static IResult Reply(Answer answer, HttpContext context, AdaptiveCardRenderer cards)
    {
        var links = PagesHere(context);
        return TypedResults.Ok(new CardReply(new RawJson(cards.Render(answer, links)), TextRenderer.Render(answer, links)));
    }

    /// <summary>
    /// Where "Open in browser" points: the public URL when one is set; else, when this host serves the catalogue pages,
    /// this host as the browser reached it (the chat's own reply to its own caller, so its Host header is theirs to choose).
    /// </summary>
    private static PageLinks? PagesHere(HttpContext context)
    {
        var services = context.RequestServices;
        var links = services.GetRequiredService<PageLinks>();
        if (links.PublicUrl is not null
            || !CataloguePagesOptions.IsEnabled(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()))
        {
            return links;
        }
        return Uri.TryCreate($"{context.Request.Scheme}://{context.Request.Host}", UriKind.Absolute, out var here)
            ? new PageLinks(here, () => services.GetRequiredService<Assistant>().Catalogue)
            : links;
    }

    private static IResult Problem(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest);
}

public sealed record AskRequest(string? Q, string? User);

public sealed record ActionRequest(string? Verb, JsonObject? Data, string? User);

/// <summary>The card as its renderer wrote it (sent as those bytes), and the answer as text.</summary>
public sealed record CardReply(RawJson Card, string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(AskRequest))]
[JsonSerializable(typeof(ActionRequest))]
[JsonSerializable(typeof(CardReply))]
public sealed partial class WebChatJsonContext : JsonSerializerContext;
