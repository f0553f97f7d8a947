using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Pages;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Gate;
using SkillBot.Limits;
using SkillBot.Rendering;

namespace SkillBot.Api;

/// <summary>The public JSON API (docs/answer-api.md): the channel-neutral answer for any question.</summary>
public static class AnswerApi
{
    /// <summary>A question is at most 1,000 characters: a body far beyond that is refused before it is read (413).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAnswerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/answer", (
                [Description("The question, at most 1,000 characters.")] string? q,
                [Description("Who asks (at most 200 characters), so follow-up questions are understood.")] string? user,
                [Description("json (default): the answer; adaptive: an Adaptive Card; blockkit: a Slack message; text: plain text.")] string? format,
                HttpContext context, TurnGate gate, AdaptiveCardRenderer cards, RenderedAnswers rendered) =>
            Answer(q, user, format, context, gate, cards, rendered))
            .WithName("GetAnswer")
            .WithSummary("Answer a question")
            .DescribeAnswer();
        api.MapPost("/answer", Post).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithName("PostAnswer")
            .WithSummary("Answer a question sent as JSON")
            .AddOpenApiOperationTransformer(async (operation, context, cancel) =>
            {
                // The body is read by hand (so a wrong Content-Type gets a 415 with a problem body, not routing's bare 415):
                // described here instead of with Accepts<>, which routing would enforce.
                var schema = await context.GetOrCreateSchemaAsync(typeof(AnswerRequest), null, cancel);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                };
            })
            .DescribeAnswer()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    /// <summary>What both forms answer, for the OpenAPI document.</summary>
    private static RouteHandlerBuilder DescribeAnswer(this RouteHandlerBuilder endpoint) => endpoint
        .WithDescription("200 for every question, also one the catalogue cannot answer (see intent). With format=json the answer JSON; "
            + "adaptive and blockkit give that card or message as JSON instead, text gives text/plain.")
        .Produces<Answer>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // One status has one response type in the metadata: format=text's text/plain and 429's Retry-After are added here.
            if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
            {
                ok.Content ??= new Dictionary<string, OpenApiMediaType>();
                ok.Content["text/plain"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            if (operation.Responses?.GetValueOrDefault("429") is OpenApiResponse limited)
            {
                limited.Headers ??= new Dictionary<string, IOpenApiHeader>();
                limited.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before asking again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
            return Task.CompletedTask;
        });

    private static async Task<IResult> Post(HttpRequest request, TurnGate gate, AdaptiveCardRenderer cards, RenderedAnswers rendered)
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
        return await Answer(body?.Q, body?.User, body?.Format, request.HttpContext, gate, cards, rendered);
    }

    private static async Task<IResult> Answer(
        string? q, string? user, string? format, HttpContext context, TurnGate gate, AdaptiveCardRenderer cards, RenderedAnswers rendered)
    {
        if (!AnswerFormats.TryParse(format, out var answerFormat))
        {
            return Problem($"Unknown format '{format}': use one of {AnswerFormats.Names}.");
        }
        if (q is null)
        {
            return Problem("Missing 'q': the question to answer, e.g. ?q=what does a senior data scientist need in deep learning");
        }
        if (user is { Length: > 200 })
        {
            return Problem("'user' is longer than 200 characters.");
        }
        var turn = Turn.Question("api", user is null ? null : new ChatUser("api", null, user), q);
        var reply = await gate.PassFromClientAsync(turn, context.Connection.RemoteIpAddress, context.RequestAborted);
        if (reply.Outcome == GateOutcome.TooLong)
        {
            return Problem($"'q' is {q.Length} characters long; the limit is {Assistant.MaxQuestionLength}.");
        }
        if (reply.Outcome == GateOutcome.RateLimited)
        {
            context.Response.Headers.RetryAfter = ChatRateLimiter.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(reply.Answer.Message, StatusCodes.Status429TooManyRequests);
        }
        var answer = reply.Answer;
        // The JSON is the answer's rendering like any other: written once per distinct answer, then served from the cache.
        return answerFormat == AnswerFormat.Json
            ? TypedResults.Bytes(rendered.Get("json", answer, a => JsonSerializer.SerializeToUtf8Bytes(a, AnswerJsonContext.Default.Answer)), AnswerFormats.ContentType(answerFormat))
            : TypedResults.Text(AnswerFormats.Render(answer, answerFormat, cards, context.RequestServices.GetRequiredService<PageLinks>()), AnswerFormats.ContentType(answerFormat));
    }

    private static ProblemHttpResult Problem(string detail, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(detail: detail, statusCode: status);
}

public sealed record AnswerRequest(
    [property: Description("The question, at most 1,000 characters.")] string? Q,
    [property: Description("Who asks, so follow-up questions are understood.")] string? User = null,
    [property: Description("json (default), adaptive, blockkit or text.")] string? Format = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(AnswerRequest))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
