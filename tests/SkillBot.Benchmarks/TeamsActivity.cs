using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SkillBot.Hosting;

namespace SkillBot.Benchmarks;

/// <summary>
/// One Teams message through the whole in-process pipeline, as <c>tests/load/run.sh</c> sends it: the activity with a
/// bearer token in (its RS256 signature checked once, then remembered), the gate, the core, the card, the reply queue, and
/// the reply serialised and handed to the connector's HTTP client (resilience pipeline and all) — measured until the
/// reply arrives. Sockets are left out (an in-memory server and connector), so what is measured is SkillBot's own
/// work per activity. The questions are the load run's, in turn.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TeamsActivity
{
    private const string AppId = "benchmark-bot-app-id";
    private const string Base = "http://127.0.0.1:9";
    private const string ServiceUrl = Base + "/";

    private static readonly string[] Questions =
    [
        "what does senior LLM engineer need in deep learning?",
        "deep learning: middle vs senior data scientist",
        "I'm a senior data scientist",
        "deep learning overview",
        "senior deep learning",
        "senior kubernetes engineer",
        "DL / jr / DS",
        "from middle to senior llm engineer deep learning",
        "how do I become a lead data scientist in deep learning?",
        "what does a principal LLM engineer need in deep lerning",
        "level 3 data scientist deep learning",
        "hello",
    ];

    private readonly FakeMicrosoft _microsoft = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private SkillBot.Teams.TeamsBot _bot = null!;
    private string _authorization = "";
    private int _counter;

    [GlobalSetup]
    public void Setup()
    {
        _app = SkillBotApp.Build(
            [
                "--Logging:LogLevel:Default=Warning",
                "--RateLimits:PerUserPerMinute=100000000", "--RateLimits:PerWorkspacePerMinute=100000000",
                $"--Teams:AppId={AppId}", "--Teams:AppPassword=benchmark-password",
                $"--Teams:OpenIdMetadataUrl={Base}/openid", $"--Teams:TokenEndpoint={Base}/token", $"--Teams:AllowedServiceUrls={ServiceUrl}",
            ],
            services =>
            {
                services.AddSingleton<IServer>(sp => new TestServer(sp));
                services.AddHttpClient("SigningKeys").ConfigurePrimaryHttpMessageHandler(() => _microsoft);
                services.AddHttpClient("BotTokenClient").ConfigurePrimaryHttpMessageHandler(() => _microsoft);
                services.AddHttpClient("ConnectorClient").ConfigurePrimaryHttpMessageHandler(() => _microsoft);
            });
        _app.StartAsync().GetAwaiter().GetResult();
        _client = ((TestServer)_app.Services.GetRequiredService<IServer>()).CreateClient();
        _bot = _app.Services.GetRequiredService<SkillBot.Teams.TeamsBot>();
        _authorization = "Bearer " + _microsoft.Token(AppId, ServiceUrl);
        // The first activity fetches the keys and the app token; the rest are what the load run measures.
        Message().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }

    /// <summary>
    /// The same message without the HTTP request in: its JSON read into an activity and handed to the bot (gate, core,
    /// card, reply queue and the connector's client), so SkillBot's own work stands out from the server's.
    /// </summary>
    [Benchmark]
    public async Task MessageWithoutServer()
    {
        var n = Interlocked.Increment(ref _counter);
        var id = $"bench-{n}";
        var replied = _microsoft.Expect(id);
        var activity = JsonSerializer.Deserialize(ActivityBytes(id, n), SkillBot.Teams.TeamsJsonContext.Default.Activity)!;
        if (await _bot.HandleAsync(activity, CancellationToken.None) is not SkillBot.Teams.TeamsResponse.Taken)
        {
            throw new InvalidOperationException($"activity {id} was not taken");
        }
        await replied.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Benchmark]
    public async Task Message()
    {
        var n = Interlocked.Increment(ref _counter);
        var id = $"bench-{n}";
        var replied = _microsoft.Expect(id);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(ActivityBytes(id, n)) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using var response = await _client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"activity {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await replied.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// "teams [COUNT]": COUNT activities, <paramref name="concurrency"/> at a time, after a warm-up; prints the process's CPU
    /// time and the bytes allocated per activity. CPU time, unlike the wall clock, barely moves when other work shares
    /// the machine, so a before/after pair of these runs compares on a busy machine too.
    /// </summary>
    public static void Measure(int count, TextWriter output, bool byType = false, bool withoutServer = false, int concurrency = 8)
    {
        var bench = new TeamsActivity();
        bench.Setup();
        Func<Task> message = withoutServer ? bench.MessageWithoutServer : bench.Message;
        try
        {
            Run(message, Math.Max(1000, count / 5), concurrency); // JIT, tiering, pools, the rendering cache
            GC.Collect();
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            using var types = byType ? new AllocationsByType() : null;
            var wall = System.Diagnostics.Stopwatch.StartNew();
            Run(message, count, concurrency);
            wall.Stop();
            process.Refresh();
            var cpuUs = (process.TotalProcessorTime - cpu).TotalMicroseconds / count;
            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count;
            output.WriteLine(FormattableString.Invariant(
                $"teams{(withoutServer ? " without the server" : "")}: {count} activities, {concurrency} at a time: {cpuUs:F1} µs CPU and {bytes / 1024:F1} KiB allocated per activity; wall {wall.Elapsed.TotalSeconds:F1} s; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
            types?.Report(output, top: 40);
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static void Run(Func<Task> message, int count, int concurrency)
    {
        var left = count;
        Task.WaitAll([.. Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await message();
            }
        }))]);
    }

    private static byte[] ActivityBytes(string id, int n)
    {
        var user = n % 1000;
        return Encoding.UTF8.GetBytes(
            $$$"""{"type":"message","id":"{{{id}}}","serviceUrl":"{{{ServiceUrl}}}","channelId":"msteams","from":{"id":"29:user-{{{user}}}","name":"Load","aadObjectId":"aad-{{{user}}}"},"conversation":{"id":"a:load-conversation-{{{user}}}","conversationType":"personal","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47"},"recipient":{"id":"28:load-test-bot","name":"SkillBot"},"text":{{{JsonSerializer.Serialize(Questions[n % Questions.Length])}}},"textFormat":"plain","locale":"en-US","entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web"}],"channelData":{"tenant":{"id":"72f988bf-86f1-41af-91ab-2d7cd011db47"}""" + "}}");
    }

    /// <summary>Microsoft's side in memory: OpenID metadata and keys, the token endpoint, and a connector that signals each reply.</summary>
    private sealed class FakeMicrosoft : HttpMessageHandler
    {
        private readonly RSA _key = RSA.Create(2048);
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

        public string Token(string audience, string serviceUrl) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = audience,
            Expires = DateTime.UtcNow.AddHours(2),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "benchmark-key" }, SecurityAlgorithms.RsaSha256),
        });

        public Task Expect(string activityId)
        {
            var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[activityId] = replied;
            return replied.Task;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/openid")
            {
                return Json(new JsonObject { ["issuer"] = "https://api.botframework.com", ["jwks_uri"] = Base + "/keys" });
            }
            if (path == "/keys")
            {
                var p = _key.ExportParameters(false);
                return Json(new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["kid"] = "benchmark-key",
                        ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                        ["endorsements"] = new JsonArray("msteams"),
                    }),
                });
            }
            if (path == "/token")
            {
                return Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = "benchmark-app-token" });
            }
            // A reply: POST /v3/conversations/{id}/activities/{activityId}, read whole as the connector would.
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            var activityId = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
            if (body.Length > 0 && _waiting.TryRemove(activityId, out var replied))
            {
                replied.SetResult();
            }
            return Json(new JsonObject { ["id"] = "1:reply" });
        }

        private static HttpResponseMessage Json(JsonObject json) =>
            new(HttpStatusCode.OK) { Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
