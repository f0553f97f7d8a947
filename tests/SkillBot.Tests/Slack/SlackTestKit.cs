using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillBot.Slack.Verification;

namespace SkillBot.Tests.Slack;

/// <summary>Slack-shaped requests, signed by the test the way Slack signs them.</summary>
public static class SlackRequests
{
    public const string Secret = "test-signing-secret";
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public static string Command(string text, string team = "T1", string user = "U1", string? responseUrl = null) =>
        Form(("token", "ignored"), ("team_id", team), ("team_domain", "test"), ("channel_id", "C1"), ("channel_name", "general"),
             ("user_id", user), ("user_name", "ann"), ("command", "/skill"), ("text", text),
             ("response_url", responseUrl ?? "https://hooks.slack.com/commands/T1/1/x"), ("trigger_id", "1.2.3"));

    public static HttpRequestMessage Post(string path, string body, string contentType, string? secret = Secret, string? timestamp = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        if (secret is not null)
        {
            timestamp ??= Now();
            request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
            request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        }
        return request;
    }

    public static Task<HttpResponseMessage> PostForm(this HttpClient client, string path, string body, string? secret = Secret) =>
        client.SendAsync(Post(path, body, "application/x-www-form-urlencoded", secret));

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, string body, string? secret = Secret, params (string, string)[] headers)
    {
        var request = Post(path, body, "application/json", secret);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        return client.SendAsync(request);
    }
}

/// <summary>Every log line the app writes, to check what is (not) logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Register(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
