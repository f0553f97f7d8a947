using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using SkillBot.Slack.Dispatch;
using SkillBot.Slack.Payloads;
using SkillBot.Slack.Verification;

namespace SkillBot.Slack.Http;

/// <summary>
/// The three Slack Request URLs, a receiver only: <see cref="SlackRequestFilter"/> has verified the signature and read
/// the raw body before any of these run; each reads its body and hands it to the <see cref="SlackDispatcher"/>, whose
/// acknowledgement it answers as HTTP. Bad bodies get 400, anything unknown an empty 200 (Slack only needs the ack).
/// </summary>
public static class SlackEndpoints
{
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public static void Map(IEndpointRouteBuilder app, SlackOptions options)
    {
        var slack = app.MapGroup("").AddEndpointFilter<SlackRequestFilter>().DisableAntiforgery();
        slack.MapPost(options.CommandsPath, Command);
        slack.MapPost(options.EventsPath, Event);
        slack.MapPost(options.InteractionsPath, Interaction);
    }

    private static async Task<IResult> Command(HttpContext http, SlackDispatcher dispatcher)
    {
        if (ReadForm(http) is not { } form)
        {
            return BadRequest("Send a form body (application/x-www-form-urlencoded), as Slack does for slash commands.");
        }
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1")
        {
            return TypedResults.Ok();
        }
        if (SlashCommand.From(name => form.TryGetValue(name, out var v) ? v.ToString() : null) is not { } command)
        {
            return BadRequest("Not a slash command: team_id, user_id and command are required.");
        }
        return Acknowledge(await dispatcher.CommandAsync(command, http.RequestAborted));
    }

    private static async Task<IResult> Event(HttpContext http, SlackDispatcher dispatcher)
    {
        if (!http.Request.HasJsonContentType())
        {
            return BadRequest("Send JSON (application/json), as Slack does for events.");
        }
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(Body(http).Bytes);
        }
        catch (JsonException)
        {
            return BadRequest("The body is not a valid Events API envelope.");
        }
        using (json)
        {
            return Acknowledge(await dispatcher.EventAsync(json.RootElement, RetryNumber(http)));
        }
    }

    private static async Task<IResult> Interaction(HttpContext http, SlackDispatcher dispatcher)
    {
        if (ReadForm(http) is not { } form || !form.TryGetValue("payload", out var payload) || StringValues.IsNullOrEmpty(payload))
        {
            return BadRequest("Send a form body with a 'payload' field, as Slack does for interactions.");
        }
        try
        {
            using var json = JsonDocument.Parse(payload.ToString());
            return Acknowledge(await dispatcher.InteractionAsync(json.RootElement, http.RequestAborted));
        }
        catch (JsonException)
        {
            return BadRequest("The 'payload' field is not a valid interaction payload.");
        }
    }

    /// <summary>The acknowledgement as HTTP: the command's answer or the challenge in the body, 400 for a malformed delivery.</summary>
    private static IResult Acknowledge(SlackAck ack) => ack switch
    {
        { Problem: { } problem } => BadRequest(problem),
        { Challenge: { } challenge } => Results.Text(challenge, "text/plain"),
        { Answer: { } answer } => TypedResults.Bytes(answer, "application/json; charset=utf-8"),
        _ => TypedResults.Ok(),
    };

    private static Dictionary<string, StringValues>? ReadForm(HttpContext http) =>
        http.Request.HasFormContentType ? QueryHelpers.ParseQuery(Body(http).Text) : null;

    private static SlackRawBody Body(HttpContext http) => http.Features.GetRequiredFeature<SlackRawBody>();

    private static int? RetryNumber(HttpContext http) =>
        int.TryParse(http.Request.Headers[RetryNumHeader], out var n) ? n : null;

    private static IResult BadRequest(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
