using System.Text.Json;
using SkillBot.Slack.Handlers;
using SkillBot.Slack.Payloads;

namespace SkillBot.Slack.Dispatch;

/// <summary>
/// What a delivery is acknowledged with, whichever way it came. <see cref="Answer"/>: a slash command's reply as
/// UTF-8 JSON, the HTTP response body or the Socket Mode ack's payload (when the ack cannot carry it, it goes to
/// <see cref="ResponseUrl"/>). <see cref="Challenge"/>: url_verification's. <see cref="Problem"/>: why the delivery
/// is malformed (HTTP answers 400; Socket Mode acknowledges and logs it). All null: taken, nothing to say.
/// A struct: the slash command, SkillBot's hot path, allocates nothing for it.
/// </summary>
public readonly record struct SlackAck(byte[]? Answer = null, string? ResponseUrl = null, string? Challenge = null, string? Problem = null)
{
    public static SlackAck Taken => default;
}

/// <summary>
/// The one dispatch for Slack's three kinds of delivery (as Bolt's receivers all feed one processEvent): the HTTP
/// endpoints and the Socket Mode client only receive and acknowledge; what a command, an event or an interaction does
/// is decided here, and the answer comes back as a protocol value, never as HTTP.
/// </summary>
public sealed class SlackDispatcher(SlashCommandHandler commands, SlackEventHandler events, InteractionHandler interactions)
{
    /// <summary>A slash command: answered in the acknowledgement.</summary>
    public async ValueTask<SlackAck> CommandAsync(SlashCommand command, CancellationToken cancellationToken) =>
        new(Answer: await commands.HandleAsync(command, cancellationToken), ResponseUrl: command.ResponseUrl);

    /// <summary>An Events API envelope: url_verification is answered, an event_callback handled, anything else only acknowledged.</summary>
    public async ValueTask<SlackAck> EventAsync(JsonElement json, int? retryNumber)
    {
        try
        {
            var envelope = json.Deserialize(SlackJsonContext.Default.EventEnvelope);
            switch (envelope?.Type)
            {
                case EventEnvelope.UrlVerification when envelope.Challenge is { } challenge:
                    return new SlackAck(Challenge: challenge);
                case EventEnvelope.EventCallback:
                    await events.HandleAsync(envelope, retryNumber);
                    return SlackAck.Taken;
                case null:
                    return new SlackAck(Problem: "Not an Events API envelope: 'type' is missing.");
                default:
                    return SlackAck.Taken;
            }
        }
        catch (JsonException)
        {
            return new SlackAck(Problem: "The body is not a valid Events API envelope.");
        }
    }

    /// <summary>An interaction payload (buttons, selects): acknowledged at once, answered later through its response_url; a modal's submission is answered in the ack.</summary>
    public async ValueTask<SlackAck> InteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        try
        {
            return await interactions.HandleAsync(payload, cancellationToken);
        }
        catch (JsonException)
        {
            return new SlackAck(Problem: "The 'payload' field is not a valid interaction payload.");
        }
    }
}
