using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Limits;

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
        api.MapGet("/welcome", (Assistant assistant, AdaptiveCardRenderer cards) => Reply(assistant.Ask(""), cards));
        api.MapPost("/ask", async (AskRequest request, HttpContext context, Assistant assistant, AdaptiveCardRenderer cards, ChatRateLimiter limiter) =>
        {
            if (request.Q is null)
            {
                return Problem("Missing 'q': the question to answer.");
            }
            if (request.Q.Length > Assistant.MaxQuestionLength)
            {
                return Problem($"The question is {request.Q.Length} characters long; the limit is {Assistant.MaxQuestionLength}.");
            }
            if (UserKey(request.User, out var user) is { } problem)
            {
                return problem;
            }
            return Allowed(limiter, context, user) ? Reply(await assistant.AskAsync(request.Q, user), cards) : Reply(Limited(assistant), cards);
        });
        api.MapPost("/action", async (ActionRequest request, HttpContext context, Assistant assistant, AdaptiveCardRenderer cards, ChatRateLimiter limiter) =>
        {
            if (ExecuteAction.Parse(request.Verb, request.Data) is not { } action)
            {
                return Problem("Send {\"verb\": \"...\", \"data\": {...}} as the card's Action.Execute gave it.");
            }
            if (UserKey(request.User, out var user) is { } problem)
            {
                return problem;
            }
            return Allowed(limiter, context, user) ? Reply(await assistant.ActAsync(action, user), cards) : Reply(Limited(assistant), cards);
        });
        return app;
    }

    /// <summary>Anyone can name any user here, so the client's address is limited as well; a nameless user is their address.</summary>
    private static bool Allowed(ChatRateLimiter limiter, HttpContext context, string? user) =>
        limiter.TryAcquireFromClient(context.Connection.RemoteIpAddress, user ?? "webchat-ip:" + context.Connection.RemoteIpAddress);

    /// <summary>A limited user still gets an answer: a friendly one.</summary>
    private static Answer Limited(Assistant assistant) => assistant.Composer.Help(new Query(""), ChatRateLimiter.FriendlyMessage) with { Suggestions = [] };

    private static IResult? UserKey(string? user, out string? key)
    {
        key = null;
        if (user is null)
        {
            return null;
        }
        if (user.Length > MaxUserLength || !user.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Problem($"'user' must be up to {MaxUserLength} letters, digits or dashes.");
        }
        key = "webchat:" + user;
        return null;
    }

    private static IResult Reply(Answer answer, AdaptiveCardRenderer cards) =>
        TypedResults.Ok(new CardReply(JsonNode.Parse(cards.Render(answer))!.AsObject(), TextRenderer.Render(answer)));

    private static IResult Problem(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest);
}

public sealed record AskRequest(string? Q, string? User);

public sealed record ActionRequest(string? Verb, JsonObject? Data, string? User);

public sealed record CardReply(JsonObject Card, string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(AskRequest))]
[JsonSerializable(typeof(ActionRequest))]
[JsonSerializable(typeof(CardReply))]
public sealed partial class WebChatJsonContext : JsonSerializerContext;
