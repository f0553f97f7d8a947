using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Slack.Handlers;
using SkillBot.Slack.Payloads;
using SkillBot.Slack.WebApi;

namespace SkillBot.Slack.SocketMode;

/// <summary>
/// Socket Mode (protocol-slack.md §7): Slack pushes events, commands and interactions over a WebSocket opened with
/// apps.connections.open, and SkillBot acknowledges every envelope by its id, answering slash commands in the ack.
/// The same handlers as the HTTP endpoints serve them. On <c>disconnect</c> it reconnects at once (Slack is
/// refreshing the link); on a dropped socket or a failure, after a growing pause (1 s, 2 s, 4 s … 30 s).
/// </summary>
public sealed class SocketModeClient(
    SlackApiClient slack,
    SlashCommandHandler commands,
    SlackEventHandler events,
    InteractionHandler interactions,
    SlackWorkQueue queue,
    TimeProvider clock,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    public const int MaxFrameBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private enum Ending { Disconnect, Dropped }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = await slack.OpenConnection(stoppingToken);
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, stoppingToken);
                var (ending, greeted) = await Listen(socket, stoppingToken);
                failures = ending == Ending.Disconnect ? 0 : greeted ? 1 : failures + 1;
                logger.LogInformation("Slack Socket Mode connection ended ({Ending}); reconnecting", ending);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is SlackApiException or WebSocketException or HttpRequestException or JsonException)
            {
                failures++;
                logger.LogWarning("Slack Socket Mode connection failed ({Failures} in a row): {Reason}", failures, e.Message);
            }
            if (failures > 0)
            {
                await Task.Delay(Backoff(failures), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10))));

    private async Task<(Ending, bool Greeted)> Listen(ClientWebSocket socket, CancellationToken stop)
    {
        var greeted = false;
        while (await Receive(socket, stop) is { } text)
        {
            var frame = Parse(text);
            switch (frame?.Type)
            {
                case "hello":
                    greeted = true;
                    logger.LogInformation("Slack Socket Mode connected");
                    break;
                case "disconnect":
                    logger.LogInformation("Slack asked to reconnect: {Reason}", frame.Reason);
                    await Close(socket);
                    return (Ending.Disconnect, greeted);
                case not null when frame.EnvelopeId is { } id:
                    await socket.SendAsync(Encoding.UTF8.GetBytes((await AcknowledgeAsync(id, frame)).ToJsonString()), WebSocketMessageType.Text, true, stop);
                    break;
                default:
                    logger.LogDebug("Slack Socket Mode frame {Type} ignored", frame?.Type);
                    break;
            }
        }
        return (Ending.Dropped, greeted);
    }

    private SocketFrame? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, SlackJsonContext.Default.SocketFrame);
        }
        catch (JsonException)
        {
            logger.LogWarning("Slack Socket Mode frame is not valid JSON: ignored");
            return null;
        }
    }

    /// <summary>Hands the envelope to its handler; the ack carries the slash command's answer when Slack accepts one.</summary>
    private async Task<JsonObject> AcknowledgeAsync(string envelopeId, SocketFrame frame)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (frame.Payload is not { ValueKind: JsonValueKind.Object } payload)
        {
            return ack;
        }
        try
        {
            switch (frame.Type)
            {
                case "events_api" when payload.Deserialize(SlackJsonContext.Default.EventEnvelope) is { Type: EventEnvelope.EventCallback } envelope:
                    await events.HandleAsync(envelope, frame.RetryAttempt);
                    break;
                case "interactive":
                    interactions.Handle(payload);
                    break;
                case "slash_commands" when payload.Deserialize(SlackJsonContext.Default.SlashCommandJson)?.ToCommand() is { } command:
                    var answer = JsonNode.Parse(commands.Handle(command))!.AsObject();
                    if (frame.AcceptsResponsePayload)
                    {
                        ack["payload"] = answer;
                    }
                    else if (slack.IsAllowedResponseUrl(command.ResponseUrl))
                    {
                        // Slack normally takes the answer in the ack; otherwise it goes through the command's response_url.
                        queue.Enqueue(new SlackWork("command answer", cancel => slack.PostToResponseUrl(command.ResponseUrl!, answer, cancel)));
                    }
                    break;
                default:
                    logger.LogDebug("Slack envelope {Type} acknowledged and ignored", frame.Type);
                    break;
            }
        }
        catch (JsonException)
        {
            logger.LogWarning("Slack envelope {Type} has a malformed payload: acknowledged and ignored", frame.Type);
        }
        return ack;
    }

    /// <summary>The next text frame, or null when the socket closes or breaks.</summary>
    private static async Task<string?> Receive(ClientWebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, stop);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }
                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxFrameBytes)
                {
                    return null;
                }
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                }
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    private static async Task Close(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The old link is being replaced anyway.
        }
    }
}
