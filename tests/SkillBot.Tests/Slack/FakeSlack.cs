using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SkillBot.Tests.Slack;

/// <summary>One request SkillBot made to the fake Slack.</summary>
public sealed record SlackCall(string Method, string? Authorization, string ContentType, JsonObject Body);

/// <summary>A scripted answer for the next call of a method.</summary>
public sealed record Scripted(int Status, string Body, string? RetryAfter = null);

/// <summary>
/// A stand-in for slack.com on loopback Kestrel: the Web API under /api/{method}, response_urls under
/// /hooks/{id}, a Socket Mode WebSocket at /socket, and /stall, which takes the WebSocket upgrade request and
/// never answers it. Records every call; answers {"ok":true} unless scripted.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<SlackCall> _calls = Channel.CreateUnbounded<SlackCall>();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Scripted>> _scripts = new();
    private readonly Channel<SocketSession> _sockets = Channel.CreateUnbounded<SocketSession>();
    private readonly ConcurrentQueue<SocketSession> _allSockets = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeSlack(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public string ApiBaseUrl => new Uri(Address, "/api/").ToString();

    public string ResponseUrl(string id = "T1/1/abc") => new Uri(Address, "/hooks/" + id).ToString();

    /// <summary>A WebSocket URL on this server, for scripting apps.connections.open (e.g. <c>/stall</c>).</summary>
    public string SocketUrl(string path = "/socket") => $"ws://{Address.Authority}{path}";

    /// <summary>Runs on every Socket Mode connection as it is accepted (e.g. Slack refusing it with a disconnect).</summary>
    public Func<SocketSession, Task>? OnSocket { get; set; }

    /// <summary>How many apps.connections.open calls arrived so far.</summary>
    public int ConnectionOpens => History.Count(c => c.Method == "apps.connections.open");

    /// <summary>Every call so far, in order of arrival (also those already taken by <see cref="NextCall"/>).</summary>
    public ConcurrentQueue<SlackCall> History { get; } = new();

    /// <summary>How many calls <see cref="NextCall"/> has handed out; History.Count above it means unexpected calls.</summary>
    public int Taken => Volatile.Read(ref _taken);

    private int _taken;

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = Loopback.FakeBuilder();
        var app = builder.Build();
        app.UseWebSockets();
        FakeSlack? fake = null; // set once started: no request arrives before
        app.MapPost("/api/{method}", (string method, HttpContext http) => fake!.Record(method, http));
        app.MapPost("/hooks/{**id}", (string id, HttpContext http) => fake!.Record("response_url", http));
        app.Map("/socket", (HttpContext http) => fake!.AcceptSocket(http));
        app.Map("/stall", (HttpContext http) => fake!.Stall(http));
        await app.StartAsync();
        var address = new Uri(Loopback.AddressOf(app));
        fake = new FakeSlack(app, address);
        return fake;
    }

    /// <summary>The next calls of <paramref name="method"/> get these answers, in order; then {"ok":true} again.</summary>
    public void Script(string method, params Scripted[] answers)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<Scripted>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    /// <summary>The next recorded call; fails the test if none arrives in time (a deadline, not a speed test).</summary>
    public async Task<SlackCall> NextCall(int seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            var call = await _calls.Reader.ReadAsync(timeout.Token);
            Interlocked.Increment(ref _taken);
            return call;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No call reached the fake Slack within {seconds} s");
        }
    }

    /// <summary>The next Socket Mode connection SkillBot opens.</summary>
    public async Task<SocketSession> NextSocket(int seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _sockets.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"SkillBot did not open a Socket Mode connection within {seconds} s");
        }
    }

    private async Task<IResult> Record(string method, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var body = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        var call = new SlackCall(method, http.Request.Headers.Authorization, http.Request.ContentType ?? "", body);
        History.Enqueue(call);
        await _calls.Writer.WriteAsync(call);
        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = scripted.RetryAfter;
            }
            return Results.Text(scripted.Body, "application/json", statusCode: scripted.Status);
        }
        return method == "apps.connections.open"
            ? Results.Text(new JsonObject { ["ok"] = true, ["url"] = $"ws://{Address.Authority}/socket" }.ToJsonString(), "application/json")
            : Results.Text("""{"ok":true}""", "application/json");
    }

    /// <summary>A server that took the connection and never answers the upgrade, until the client gives up or the fake stops.</summary>
    private async Task Stall(HttpContext http)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task AcceptSocket(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }
        var socket = await http.WebSockets.AcceptWebSocketAsync();
        var session = new SocketSession(socket);
        _allSockets.Enqueue(session);
        if (OnSocket is { } onSocket)
        {
            await onSocket(session);
        }
        await _sockets.Writer.WriteAsync(session);
        await session.Ended; // keeps the request, and so the socket, open until the test is done with it
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var session in _allSockets)
        {
            session.End(); // lets each socket request finish, so stopping does not wait for them
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

/// <summary>The server side of one Socket Mode connection, driven by a test.</summary>
public sealed class SocketSession(WebSocket socket)
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ended => _ended.Task;

    /// <summary>The status of SkillBot's close frame, once <see cref="Receive"/> has returned null for it.</summary>
    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public Task Send(JsonObject frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame SkillBot sends (an acknowledgement), or null if it closed the socket (answered with a close, as Slack does).</summary>
    public async Task<JsonObject?> Receive(int seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray()) as JsonObject;
            }
        }
    }

    /// <summary>Ends the connection the way a network failure would: no close handshake.</summary>
    public void Drop()
    {
        socket.Abort();
        _ended.TrySetResult();
    }

    public void End() => _ended.TrySetResult();

    /// <summary>Reads (and drops) whatever SkillBot sends, which also answers its pings, until it closes or breaks the socket.</summary>
    public Task KeepReading() => Task.Run(async () =>
    {
        try
        {
            while (await Receive(seconds: 60) is not null)
            {
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or System.Text.Json.JsonException)
        {
            // The link went away: what this session is for is over.
        }
    });
}
