using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SkillBot.Slack.Dispatch;
using SkillBot.Slack.Handlers;
using SkillBot.Slack.Payloads;
using SkillBot.Slack.WebApi;

namespace SkillBot.Slack.SocketMode;

/// <summary>
/// Socket Mode (protocol-slack.md §7): Slack pushes events, commands and interactions over a WebSocket opened with
/// apps.connections.open, and SkillBot acknowledges every envelope by its id, answering slash commands in the ack.
/// A receiver only, like the HTTP endpoints: the same <see cref="SlackDispatcher"/> decides what each envelope does.
/// A <c>disconnect</c> that refreshes the link (<c>refresh_requested</c>, <c>warning</c>) reconnects at once; anything
/// else pauses first, doubling with each failure in a row (jittered): up to <see cref="SocketModeOptions.MaxReconnectDelay"/>
/// when the link failed, up to <see cref="SocketModeOptions.MaxRefusedReconnectDelay"/> when Slack refused it. Every step
/// has a time limit (upgrade, hello, pings), shutdown closes the link with a normal close frame, and no failure ends
/// the loop: it would stop Socket Mode for good while the rest of the host serves on.
/// </summary>
public sealed class SocketModeClient(
    SlackApiClient slack,
    SlackDispatcher dispatcher,
    SlackWorkQueue queue,
    SocketModeHealth health,
    IOptions<SocketModeOptions> options,
    TimeProvider clock,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    public const int MaxFrameBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly SocketModeOptions _options = options.Value;

    /// <summary>The problem last logged as an error, so that one an operator must fix is logged once, not on every retry.</summary>
    private string? _reported;

    private enum Kind
    {
        /// <summary>Slack refreshes the link: reconnect at once.</summary>
        Refreshed,
        /// <summary>The host is stopping.</summary>
        Stopped,
        /// <summary>The link failed (dropped, timed out, Slack unreachable): pause, up to MaxReconnectDelay.</summary>
        Failed,
        /// <summary>Slack holds SkillBot back (too many connections, rate limited): pause, up to MaxRefusedReconnectDelay.</summary>
        Refused,
        /// <summary>Only an operator can fix it (a refused app token, Socket Mode off): an error once, Unhealthy, slow retries.</summary>
        NeedsOperator,
    }

    /// <param name="Settled">The link was up longer than the longest pause: the failures before it no longer count.</param>
    private sealed record Ending(Kind Kind, string Why, bool Settled = false);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Ending ending;
            try
            {
                ending = await RunLink(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SlackApiException e)
            {
                ending = Refusal(e.Error);
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or OperationCanceledException)
            {
                ending = new Ending(Kind.Failed, e.Message);
            }
            catch (Exception e)
            {
                // Anything else (a URL Slack should never send, a bug): logged, and retried like any failure.
                logger.LogError(e, "Slack Socket Mode failed unexpectedly");
                ending = new Ending(Kind.Failed, $"unexpected {e.GetType().Name}");
            }

            if (ending.Kind == Kind.Stopped)
            {
                return;
            }
            if (ending.Settled || ending.Kind == Kind.Refreshed)
            {
                failures = 0;
                _reported = null;
            }
            if (ending.Kind == Kind.Refreshed)
            {
                continue;
            }
            failures = failures == int.MaxValue ? failures : failures + 1;
            var delay = Backoff(failures, _options.ReconnectDelay, ending.Kind == Kind.Failed ? _options.MaxReconnectDelay : _options.MaxRefusedReconnectDelay, Random.Shared.NextDouble());
            Report(ending, failures, delay);
            await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// The pause after <paramref name="failures"/> failures in a row: <paramref name="first"/> doubled each time, at most
    /// <paramref name="cap"/>, its upper half random (<paramref name="random"/> in [0, 1]) so replicas refused together
    /// do not all come back together.
    /// </summary>
    public static TimeSpan Backoff(int failures, TimeSpan first, TimeSpan cap, double random)
    {
        var full = Math.Min(cap.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30)));
        return TimeSpan.FromMilliseconds(full / 2 + full / 2 * random);
    }

    private void Report(Ending ending, int failures, TimeSpan delay)
    {
        var pause = $"{delay.TotalSeconds:0.#} s";
        switch (ending.Kind)
        {
            case Kind.NeedsOperator:
                health.Report(HealthStatus.Unhealthy, $"{ending.Why}; retrying every few minutes");
                if (_reported != ending.Why)
                {
                    _reported = ending.Why;
                    logger.LogError("Slack Socket Mode cannot connect: {Why}. Retrying, slowly, until it is fixed", ending.Why);
                }
                else
                {
                    logger.LogDebug("Slack Socket Mode still cannot connect: {Why}; retrying in {Pause}", ending.Why, pause);
                }
                break;
            case Kind.Refused:
                health.Report(HealthStatus.Degraded, $"held back by Slack ({ending.Why}); retrying in {pause}");
                logger.LogWarning("Slack refused the Socket Mode link ({Why}); retrying in {Pause}", ending.Why, pause);
                break;
            default:
                health.Report(HealthStatus.Degraded, $"reconnecting after {failures} failure(s) in a row: {ending.Why}");
                logger.LogWarning("Slack Socket Mode link failed ({Failures} in a row): {Why}; reconnecting in {Pause}", failures, ending.Why, pause);
                break;
        }
    }

    /// <summary>What an apps.connections.open error (or a failed call) means for the next attempt.</summary>
    private static Ending Refusal(string error) => error switch
    {
        "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked" or "token_expired" or "missing_scope" or "not_allowed_token_type" =>
            new(Kind.NeedsOperator, $"Slack refuses Slack:AppToken ({error}): set an app-level token (xapp-…) with the connections:write scope, from the app's Basic Information page"),
        "ratelimited" or "http_429" => new(Kind.Refused, $"apps.connections.open is rate-limited ({error})"),
        _ => new(Kind.Failed, $"apps.connections.open failed ({error})"),
    };

    /// <summary>What a <c>disconnect</c> frame means for the next attempt.</summary>
    private static Ending Disconnected(string? reason) => reason switch
    {
        "refresh_requested" or "warning" => new(Kind.Refreshed, reason),
        "too_many_websockets" => new(Kind.Refused, "too_many_websockets: more than 10 Socket Mode connections are open for this app (more than 10 replicas?)"),
        "link_disabled" => new(Kind.NeedsOperator, "link_disabled: Socket Mode is turned off for the app; turn it on in the app's settings, or unset Slack:AppToken"),
        _ => new(Kind.Failed, $"Slack disconnected ({reason ?? "no reason given"})"),
    };

    private async Task<Ending> RunLink(CancellationToken stop)
    {
        var url = await slack.OpenConnection(stop);
        using var socket = new ClientWebSocket();
        // SkillBot pings and expects pongs: a half-open link is noticed, the socket aborted, and Receive returns null.
        socket.Options.KeepAliveInterval = _options.PingInterval;
        socket.Options.KeepAliveTimeout = _options.PongTimeout;
        using (var upgradeTimeout = new CancellationTokenSource(_options.ConnectTimeout, clock))
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(stop, upgradeTimeout.Token))
        {
            try
            {
                await socket.ConnectAsync(url, connect.Token);
            }
            catch (OperationCanceledException) when (upgradeTimeout.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                return new Ending(Kind.Failed, $"the WebSocket upgrade was not answered within {_options.ConnectTimeout}");
            }
        }
        return await Listen(socket, stop);
    }

    private async Task<Ending> Listen(ClientWebSocket socket, CancellationToken stop)
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = stop.Register(() => stopping.TrySetResult());
        using var greeted = new CancellationTokenSource();
        var helloDeadline = Task.Delay(_options.HelloTimeout, clock, greeted.Token);
        long? greetedAt = null;
        while (true)
        {
            // Never the stop token here: cancelling a receive aborts the socket (1006 for Slack); stopping closes it properly.
            var receive = Receive(socket);
            var first = greetedAt is null ? await Task.WhenAny(receive, stopping.Task, helloDeadline) : await Task.WhenAny(receive, stopping.Task);
            if (first == stopping.Task)
            {
                await CloseOnStop(socket, receive);
                return new Ending(Kind.Stopped, "stopping");
            }
            if (first == helloDeadline)
            {
                socket.Abort();
                await receive;
                return new Ending(Kind.Failed, $"Slack sent no hello within {_options.HelloTimeout}");
            }
            if (await receive is not { } text)
            {
                var how = socket.CloseStatus is { } status ? $"Slack closed the link ({(int)status} {socket.CloseStatusDescription})"
                    : greetedAt is null ? "the link broke before hello" : "the link broke (no pong, or the connection dropped)";
                return new Ending(Kind.Failed, how, Settled: greetedAt is { } at && clock.GetElapsedTime(at) >= _options.MaxReconnectDelay);
            }
            var frame = Read(text);
            switch (frame?.Type)
            {
                case "hello":
                    greetedAt = clock.GetTimestamp();
                    await greeted.CancelAsync();
                    health.Report(HealthStatus.Healthy, "connected");
                    logger.LogInformation("Slack Socket Mode connected");
                    break;
                case "disconnect":
                    logger.LogInformation("Slack asked to reconnect: {Reason}", frame.Reason);
                    await Close(socket, "reconnecting");
                    return Disconnected(frame.Reason);
                case not null when frame.EnvelopeId is not null:
                    // Sent whatever the stop token says: an envelope taken is acknowledged before the link closes.
                    await socket.SendAsync(await AcknowledgeAsync(frame), WebSocketMessageType.Text, true, CancellationToken.None);
                    break;
                default:
                    logger.LogDebug("Slack Socket Mode frame {Type} ignored", frame?.Type);
                    break;
            }
        }
    }

    /// <summary>
    /// A Socket Mode frame: hello, disconnect, or an envelope to acknowledge by its id, echoed as sent.
    /// <paramref name="Problems"/> names fields of the wrong JSON type, which are read as absent.
    /// </summary>
    private sealed record Frame(string? Type, JsonNode? EnvelopeId, JsonElement? Payload, bool AcceptsResponsePayload, string? Reason, int? RetryAttempt, IReadOnlyList<string> Problems);

    /// <summary>Reads a frame field by field, so that one field of the wrong type neither hides the rest nor costs the ack.</summary>
    private Frame? Read(string text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            logger.LogWarning("Slack Socket Mode frame is not valid JSON: ignored");
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            logger.LogWarning("Slack Socket Mode frame is a JSON {Kind}, not an object: ignored", root.ValueKind);
            return null;
        }

        var problems = new List<string>();
        JsonElement? Field(string name, params JsonValueKind[] kinds)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (kinds.Contains(value.ValueKind))
            {
                return value;
            }
            problems.Add($"{name} is a {value.ValueKind}, not a {string.Join(" or ", kinds)}");
            return null;
        }

        var id = Field("envelope_id", JsonValueKind.String, JsonValueKind.Number);
        if (id is { ValueKind: JsonValueKind.Number })
        {
            problems.Add("envelope_id is a Number, not a String (acknowledged as sent)");
        }
        var retry = Field("retry_attempt", JsonValueKind.Number);
        var frame = new Frame(
            Field("type", JsonValueKind.String)?.GetString(),
            id is { } envelopeId ? JsonNode.Parse(envelopeId.GetRawText()) : null,
            root.TryGetProperty("payload", out var payload) ? payload : null,
            Field("accepts_response_payload", JsonValueKind.True, JsonValueKind.False)?.GetBoolean() ?? false,
            Field("reason", JsonValueKind.String)?.GetString(),
            retry is { } attempt && attempt.TryGetInt32(out var number) ? number : null,
            problems);
        if (problems.Count > 0)
        {
            logger.LogWarning(
                "Slack Socket Mode frame {Type} {EnvelopeId} has fields of the wrong type: {Problems}; {Outcome}",
                frame.Type, frame.EnvelopeId?.ToJsonString(), string.Join("; ", problems),
                frame.EnvelopeId is null ? "ignored (no id to acknowledge)" : "acknowledged and handled without them");
        }
        return frame;
    }

    /// <summary>
    /// Hands the envelope to the dispatcher and writes the ack frame: the envelope id as sent, and the slash command's
    /// answer as its payload when Slack accepts one (written as the handler wrote it, never parsed again).
    /// </summary>
    private async Task<byte[]> AcknowledgeAsync(Frame frame)
    {
        byte[]? payload = null;
        if (frame.Payload is { ValueKind: JsonValueKind.Object } body)
        {
            try
            {
                var ack = await DispatchAsync(frame, body);
                if (ack.Problem is { } problem)
                {
                    logger.LogWarning("Slack envelope {Type} has a malformed payload ({Problem}): acknowledged and ignored", frame.Type, problem);
                }
                else if (ack.Answer is { } answer)
                {
                    payload = frame.AcceptsResponsePayload ? answer : null;
                    if (!frame.AcceptsResponsePayload && slack.IsAllowedResponseUrl(ack.ResponseUrl))
                    {
                        // Slack normally takes the answer in the ack; otherwise it goes through the command's response_url.
                        queue.Enqueue(new SlackWork("command answer", cancel => slack.PostToResponseUrl(ack.ResponseUrl!, answer, cancel)));
                    }
                }
            }
            catch (JsonException e)
            {
                logger.LogWarning("Slack envelope {Type} has a malformed payload ({Problem}): acknowledged and ignored", frame.Type, e.Message);
            }
            catch (Exception e)
            {
                // Acknowledged all the same: Slack would only redeliver it to fail again.
                logger.LogError(e, "Slack envelope {Type} failed: acknowledged", frame.Type);
            }
        }
        return AckFrame(frame.EnvelopeId!, payload);
    }

    private async ValueTask<SlackAck> DispatchAsync(Frame frame, JsonElement payload)
    {
        switch (frame.Type)
        {
            case "events_api":
                return await dispatcher.EventAsync(payload, frame.RetryAttempt);
            case "interactive":
                return await dispatcher.InteractionAsync(payload, CancellationToken.None);
            case "slash_commands" when payload.Deserialize(SlackJsonContext.Default.SlashCommandJson)?.ToCommand() is { } command:
                return await dispatcher.CommandAsync(command, CancellationToken.None);
            default:
                logger.LogDebug("Slack envelope {Type} acknowledged and ignored", frame.Type);
                return SlackAck.Taken;
        }
    }

    private static byte[] AckFrame(JsonNode envelopeId, byte[]? payload)
    {
        var frame = new ArrayBufferWriter<byte>(payload is null ? 64 : payload.Length + 64);
        using (var json = new Utf8JsonWriter(frame))
        {
            json.WriteStartObject();
            json.WritePropertyName("envelope_id");
            envelopeId.WriteTo(json);
            if (payload is not null)
            {
                json.WritePropertyName("payload");
                json.WriteRawValue(payload, skipInputValidation: true);
            }
            json.WriteEndObject();
        }
        return frame.WrittenSpan.ToArray();
    }

    /// <summary>The next text frame, or null when the socket closes or breaks.</summary>
    private static async Task<string?> Receive(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
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
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return null; // broken, aborted (no pong, hello timeout) or disposed
        }
    }

    /// <summary>On shutdown: a normal close frame, and Slack's close in return, within a bound (frames arriving meanwhile are not acknowledged: Slack redelivers them).</summary>
    private async Task CloseOnStop(ClientWebSocket socket, Task<string?> receive)
    {
        using var timeout = new CancellationTokenSource(CloseTimeout, clock);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "shutting down", timeout.Token);
            while (await receive.WaitAsync(timeout.Token) is not null)
            {
                receive = Receive(socket);
            }
            logger.LogInformation("Slack Socket Mode link closed");
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Slack did not answer in time: the link is dropped as the socket is disposed.
        }
    }

    private static async Task Close(ClientWebSocket socket, string why)
    {
        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, why, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The old link is being replaced anyway.
        }
    }
}
