using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SkillBot.Cards.Adaptive;
using SkillBot.Limits;
using SkillBot.Rendering;
using SkillBot.Core;
using SkillBot.Core.Answers;

namespace SkillBot.Api;

/// <summary>The public JSON API (docs: answer-api.md): the channel-neutral answer for any question.</summary>
public static class AnswerApi
{
    /// <summary>A question is at most 1,000 characters: a body far beyond that is refused before it is read (413).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAnswerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/answer", (string? q, string? user, string? format, HttpContext context, Assistant assistant, AdaptiveCardRenderer cards, ChatRateLimiter limiter) =>
            Answer(q, user, format, context, assistant, cards, limiter));
        api.MapPost("/answer", Post).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    private static async Task<IResult> Post(HttpRequest request, Assistant assistant, AdaptiveCardRenderer cards, ChatRateLimiter limiter)
    {
        if (!request.HasJsonContentType())
        {
            return Problem("Send JSON: Content-Type: application/json with {\"q\": \"your question\"}.", StatusCodes.Status415UnsupportedMediaType);
        }
        AnswerRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync(ApiJsonContext.Default.AnswerRequest, request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return Problem("The body is not valid JSON. Send {\"q\": \"your question\"}.");
        }
        return await Answer(body?.Q, body?.User, body?.Format, request.HttpContext, assistant, cards, limiter);
    }

    private static async Task<IResult> Answer(string? q, string? user, string? format, HttpContext context, Assistant assistant, AdaptiveCardRenderer cards, ChatRateLimiter limiter)
    {
        if (!AnswerFormats.TryParse(format, out var answerFormat))
        {
            return Problem($"Unknown format '{format}': use one of {AnswerFormats.Names}.");
        }
        if (q is null)
        {
            return Problem("Missing 'q': the question to answer, e.g. ?q=what does a senior data scientist need in deep learning");
        }
        if (q.Length > Assistant.MaxQuestionLength)
        {
            return Problem($"'q' is {q.Length} characters long; the limit is {Assistant.MaxQuestionLength}.");
        }
        if (user is { Length: > 200 })
        {
            return Problem("'user' is longer than 200 characters.");
        }
        var key = user is null ? null : "api:" + user;
        var client = context.Connection.RemoteIpAddress;
        if (!limiter.TryAcquireFromClient(client, key ?? "api-ip:" + client))
        {
            context.Response.Headers.RetryAfter = ChatRateLimiter.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(ChatRateLimiter.FriendlyMessage, StatusCodes.Status429TooManyRequests);
        }
        var answer = await assistant.AskAsync(q, key, context.RequestAborted);
        return answerFormat == AnswerFormat.Json
            ? TypedResults.Ok(answer)
            : TypedResults.Text(AnswerFormats.Render(answer, answerFormat, cards), AnswerFormats.ContentType(answerFormat));
    }

    private static ProblemHttpResult Problem(string detail, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(detail: detail, statusCode: status);
}

public sealed record AnswerRequest(string? Q, string? User, string? Format);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(AnswerRequest))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
