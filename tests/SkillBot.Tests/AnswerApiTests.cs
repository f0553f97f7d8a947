using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SkillBot.Tests;

public sealed class AnswerApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_answers_the_seed_question_with_every_field_of_the_contract()
    {
        var response = await _app.Client.GetAsync("/api/v1/answer?q=" + Uri.EscapeDataString("what does senior LLM engineer need in deep learning?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        string[] fields = ["question", "intent", "domain", "skill", "role", "level", "compareTo", "current", "next",
            "items", "clarify", "suggestions", "message", "language", "compareRole", "track", "owners", "updated", "catalogueVersion"];
        Assert.Equal(fields, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("expectation", root.GetProperty("intent").GetString());
        Assert.Equal("Machine Learning & AI", root.GetProperty("domain").GetString());
        Assert.Equal("Deep Learning", root.GetProperty("skill").GetString());
        Assert.Equal("LLM Engineer", root.GetProperty("role").GetString());
        Assert.Equal("Senior", root.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("compareTo").ValueKind);
        Assert.Equal("Senior", root.GetProperty("current").GetProperty("level").GetString());
        Assert.Equal("optional", root.GetProperty("current").GetProperty("necessity").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("current").GetProperty("segments").ValueKind);
        Assert.Equal(["level", "necessity", "description", "examples", "segments"], root.GetProperty("current").EnumerateObject().Select(p => p.Name));
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("compareRole").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("track").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("owners").ValueKind);
        var next = root.GetProperty("next");
        Assert.Equal("Lead", next.GetProperty("level").GetString());
        var segments = next.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(next.GetProperty("description").GetString(), string.Concat(segments.Select(s => s.GetProperty("text").GetString())));
        Assert.Contains(segments, s => s.GetProperty("added").GetBoolean());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("items").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("clarify").ValueKind);
        Assert.Equal("2026-02-22", root.GetProperty("updated").GetString());
        Assert.Matches("^[0-9a-f]{8}$", root.GetProperty("catalogueVersion").GetString());
    }

    [Fact]
    public async Task Post_takes_json_and_remembers_the_user()
    {
        var first = await _app.Client.PostAsJsonAsync("/api/v1/answer", new { q = "I'm a senior data scientist", user = "ann" });
        Assert.Equal("role_profile", await Intent(first));
        var second = await _app.Client.PostAsJsonAsync("/api/v1/answer", new { q = "what about deep learning?", user = "ann" });
        using var json = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal("expectation", json.RootElement.GetProperty("intent").GetString());
        Assert.Equal("Data Scientist", json.RootElement.GetProperty("role").GetString());
        Assert.Equal("Senior", json.RootElement.GetProperty("level").GetString());

        var stranger = await _app.Client.PostAsJsonAsync("/api/v1/answer", new { q = "what about deep learning?", user = "bob" });
        Assert.Equal("skill_overview", await Intent(stranger));
    }

    [Fact]
    public async Task Questions_it_cannot_answer_are_still_200()
    {
        var response = await _app.Client.GetAsync("/api/v1/answer?q=");
        Assert.Equal("help", await Intent(response));
        response = await _app.Client.GetAsync("/api/v1/answer?q=kubernetes");
        Assert.Equal("not_found", await Intent(response));
    }

    [Theory]
    [InlineData("/api/v1/answer")]
    [InlineData("/api/v1/answer?user=x")]
    public async Task A_missing_q_is_a_problem_details_400(string url)
    {
        var response = await _app.Client.GetAsync(url);
        await AssertProblem(response, HttpStatusCode.BadRequest, "q");
    }

    [Fact]
    public async Task An_overlong_q_is_a_400()
    {
        var response = await _app.Client.GetAsync("/api/v1/answer?q=" + new string('a', 1001));
        await AssertProblem(response, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        var response = await _app.Client.PostAsync("/api/v1/answer", new StringContent("{not json", Encoding.UTF8, "application/json"));
        await AssertProblem(response, HttpStatusCode.BadRequest, "JSON");
        response = await _app.Client.PostAsync("/api/v1/answer", new StringContent("[1,2]", Encoding.UTF8, "application/json"));
        await AssertProblem(response, HttpStatusCode.BadRequest, "JSON");
        response = await _app.Client.PostAsync("/api/v1/answer", new StringContent("{\"q\": 5}", Encoding.UTF8, "application/json"));
        await AssertProblem(response, HttpStatusCode.BadRequest, "JSON");
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var body = "{\"q\": \"" + new string('a', 100_000) + "\"}";
        var response = await _app.Client.PostAsync("/api/v1/answer", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_declared_json_is_a_415()
    {
        var response = await _app.Client.PostAsync("/api/v1/answer", new StringContent("q=hello", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "JSON");
    }

    [Theory]
    [InlineData("text", "text/plain", "▶ Current level: Senior")]
    [InlineData("blockkit", "application/json", "\"blocks\"")]
    [InlineData("adaptive", "application/json", "\"AdaptiveCard\"")]
    [InlineData("json", "application/json", "\"intent\"")]
    public async Task The_format_parameter_picks_the_rendering(string format, string mediaType, string contains)
    {
        var response = await _app.Client.GetAsync($"/api/v1/answer?format={format}&q=" + Uri.EscapeDataString("senior llm engineer deep learning"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(contains, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var posted = await _app.Client.PostAsJsonAsync("/api/v1/answer", new { q = "senior llm engineer deep learning", format });
        Assert.Equal(mediaType, posted.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400()
    {
        var response = await _app.Client.GetAsync("/api/v1/answer?format=xml&q=hello");
        await AssertProblem(response, HttpStatusCode.BadRequest, "format");
    }

    private static async Task<string?> Intent(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("intent").GetString();
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(mentions, json.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
