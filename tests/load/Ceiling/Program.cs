// The ceiling of the load run: what this machine's Kestrel serves when an endpoint does nothing but read
// the slash command's form body and return a fixed response as large as SkillBot's answer. SkillBot's
// figures are read against it. Settings: --urls, --ResponseBytes (the size to return).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var size = app.Configuration.GetValue("ResponseBytes", 2048);
var response = FixedJson(size);

app.MapPost("/api/slack/commands", async (HttpRequest request) =>
{
    var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
    return form.ContainsKey("command")
        ? Results.Bytes(response, "application/json")
        : Results.BadRequest();
});
app.MapGet("/healthz", () => "ok");
app.Run();

// A JSON object of exactly `size` bytes: {"text":"xxxx…"}.
static byte[] FixedJson(int size)
{
    const string head = "{\"text\":\"", tail = "\"}";
    return System.Text.Encoding.UTF8.GetBytes(head + new string('x', Math.Max(0, size - head.Length - tail.Length)) + tail);
}
