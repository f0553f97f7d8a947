// The ceiling of the load run: what this machine's Kestrel serves when an endpoint does nothing but read
// the slash command's form body and return a fixed response as large as SkillBot's answer. SkillBot's
// figures are read against it. Settings: --urls, --ResponseBytes (the size to return).
// Also the bare Teams exchange, for scale: POST /api/messages reads the activity, answers 200 and posts a
// reply to the activity's connector, from a queue with as many senders as SkillBot's — two HTTP exchanges per
// message, with no authentication and no answering. The replies are SkillBot's own, as the fake connector kept
// them (--ReplyFile, a JSON array of reply bodies, posted in turn), so the connector parses the same bytes for
// both; without the file, a fixed reply of --ReplyBytes.
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var response = FixedJson(app.Configuration.GetValue("ResponseBytes", 2048));

app.MapPost("/api/slack/commands", async (HttpRequest request) =>
{
    var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
    return form.ContainsKey("command")
        ? Results.Bytes(response, "application/json")
        : Results.BadRequest();
});
var replyFile = app.Configuration["ReplyFile"];
var replyBodies = replyFile is null
    ? new[] { FixedJson(app.Configuration.GetValue("ReplyBytes", 8192), "{\"type\":\"message\",\"text\":\"") }
    : JsonSerializer.Deserialize<string[]>(File.ReadAllText(replyFile))!.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
var sent = 0;
var replies = Channel.CreateBounded<string>(1000);
var connector = new HttpClient();
for (var i = 0; i < 32; i++)
{
    _ = Task.Run(async () =>
    {
        await foreach (var url in replies.Reader.ReadAllAsync())
        {
            var reply = replyBodies[(uint)Interlocked.Increment(ref sent) % replyBodies.Length];
            using var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(reply) };
            post.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "load-app-token-ceiling");
            try
            {
                using var response = await connector.SendAsync(post);
            }
            catch (HttpRequestException)
            {
                // The fake connector counts what arrives; a lost reply only lowers this ceiling.
            }
        }
    });
}
app.MapPost("/api/messages", async (HttpRequest request) =>
{
    using var activity = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
    var root = activity.RootElement;
    var url = root.GetProperty("serviceUrl").GetString()!.TrimEnd('/') + "/v3/conversations/"
        + Uri.EscapeDataString(root.GetProperty("conversation").GetProperty("id").GetString()!)
        + "/activities/" + Uri.EscapeDataString(root.GetProperty("id").GetString()!);
    await replies.Writer.WriteAsync(url, request.HttpContext.RequestAborted);
    return Results.Ok();
});
app.MapGet("/healthz", () => "ok");
app.Run();

// A JSON object of exactly `size` bytes: {"text":"xxxx…"} (or another head ending in an open string).
static byte[] FixedJson(int size, string head = "{\"text\":\"")
{
    const string tail = "\"}";
    return System.Text.Encoding.UTF8.GetBytes(head + new string('x', Math.Max(0, size - head.Length - tail.Length)) + tail);
}
