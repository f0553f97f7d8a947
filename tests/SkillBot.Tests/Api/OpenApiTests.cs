using System.Text.Json;

namespace SkillBot.Tests.Api;

/// <summary>/openapi/v1.json describes the HTTP API well enough to generate a client from it.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;
    private JsonDocument _document = null!;

    public async Task InitializeAsync()
    {
        _app = await RunningApp.StartAsync();
        using var response = await _app.Client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        _document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _document.Dispose();
        await _app.DisposeAsync();
    }

    private JsonElement Root => _document.RootElement;

    private JsonElement Operation(string path, string method) => Root.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>A schema, following its $ref into components.</summary>
    private JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/').Last())
            : schema;

    [Fact]
    public void It_is_OpenAPI_3_and_lists_the_public_and_admin_paths_only()
    {
        Assert.StartsWith("3.", Root.GetProperty("openapi").GetString());
        Assert.Equal("SkillBot", Root.GetProperty("info").GetProperty("title").GetString());
        // Slack, Teams and the web chat speak their own protocols: not part of the API.
        Assert.Equal(["/api/v1/answer", "/api/v1/catalogue/reload", "/api/v1/insights"], Keys(Root.GetProperty("paths")));
        Assert.Equal(["get", "post"], Keys(Root.GetProperty("paths").GetProperty("/api/v1/answer")));
        Assert.Equal(["post"], Keys(Root.GetProperty("paths").GetProperty("/api/v1/catalogue/reload")));
        Assert.Equal(["get"], Keys(Root.GetProperty("paths").GetProperty("/api/v1/insights")));
    }

    [Fact]
    public void Get_answer_takes_q_user_and_format_from_the_query()
    {
        var get = Operation("/api/v1/answer", "get");
        var parameters = get.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(["q", "user", "format"], parameters.Select(p => p.GetProperty("name").GetString()));
        Assert.All(parameters, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.All(parameters, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("description").GetString())));
        Assert.Equal(["200", "400", "429"], Keys(get.GetProperty("responses")));
    }

    [Fact]
    public void The_answer_is_described_with_its_fields_and_intents()
    {
        var ok = Operation("/api/v1/answer", "get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Equal(["application/json", "text/plain"], Keys(ok));
        var answer = Resolve(ok.GetProperty("application/json").GetProperty("schema"));
        var fields = Keys(answer.GetProperty("properties"));
        Assert.Contains("intent", fields);
        Assert.Contains("catalogueVersion", fields);
        Assert.Contains("next", fields);
        var intents = Resolve(answer.GetProperty("properties").GetProperty("intent")).GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Contains("role_profile", intents);
        Assert.Contains("not_found", intents);
    }

    [Fact]
    public void Post_answer_takes_a_json_body_and_lists_its_refusals()
    {
        var post = Operation("/api/v1/answer", "post");
        var body = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var request = Resolve(body);
        Assert.Equal(["format", "q", "user"], Keys(request.GetProperty("properties")));
        Assert.Equal(["q"], request.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["200", "400", "413", "415", "429"], Keys(post.GetProperty("responses")));
        var limited = post.GetProperty("responses").GetProperty("429");
        Assert.True(limited.GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.True(limited.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Theory]
    [InlineData("/api/v1/catalogue/reload", "post")]
    [InlineData("/api/v1/insights", "get")]
    public void Admin_endpoints_need_the_X_Api_Key_header(string path, string method)
    {
        var scheme = Root.GetProperty("components").GetProperty("securitySchemes").GetProperty("adminKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());

        var operation = Operation(path, method);
        var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray().ToList());
        Assert.Equal(["adminKey"], Keys(requirement));
        Assert.Equal(["200", "401", "404"], Keys(operation.GetProperty("responses")));
    }
}
