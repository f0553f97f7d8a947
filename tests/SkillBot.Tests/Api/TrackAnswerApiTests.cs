using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkillBot.Testing;

namespace SkillBot.Tests.Api;

/// <summary>The JSON API on real HTTP, serving a catalogue folder with two tracks (<see cref="TrackedCatalogue"/>).</summary>
public sealed class TrackAnswerApiTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skillbot-tracks-").FullName;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        TrackedCatalogue.WriteTo(_folder);
        _app = await RunningApp.StartAsync("--Catalogue:Path=" + _folder);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<JsonElement> Get(string question)
    {
        var response = await _app.Client.GetAsync("/api/v1/answer?q=" + Uri.EscapeDataString(question));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task The_answer_names_its_track_and_the_top_of_a_track_has_no_next_level()
    {
        var root = await Get("code review IC5 SWE");
        Assert.Equal("expectation", root.GetProperty("intent").GetString());
        Assert.Equal("Individual Contributor", root.GetProperty("track").GetString());
        Assert.Equal("Staff Engineer", root.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("next").ValueKind);
        Assert.Contains("The Management track has it for Engineering Manager.", root.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Level_n_counts_in_the_roles_track_over_http()
    {
        var root = await Get("code review L2 engineering manager");
        Assert.Equal(("Engineering Manager", "Engineering Manager 2", "Management"),
            (root.GetProperty("role").GetString(), root.GetProperty("level").GetString(), root.GetProperty("track").GetString()));
        Assert.Equal("Director", root.GetProperty("next").GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_move_across_tracks_is_compare_roles_with_both_sides()
    {
        var response = await _app.Client.PostAsJsonAsync("/api/v1/answer", new { q = "code review IC5 SWE vs M5 EM" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("compare_roles", root.GetProperty("intent").GetString());
        Assert.Equal(("Software Engineer", "Staff Engineer", "Engineering Manager", "Engineering Manager 2"),
            (root.GetProperty("role").GetString(), root.GetProperty("level").GetString(),
             root.GetProperty("compareRole").GetString(), root.GetProperty("compareTo").GetString()));
        Assert.Equal("Staff Engineer", root.GetProperty("current").GetProperty("level").GetString());
        Assert.Equal("Engineering Manager 2", root.GetProperty("next").GetProperty("level").GetString());
        Assert.Contains(root.GetProperty("next").GetProperty("segments").EnumerateArray(), s => s.GetProperty("added").GetBoolean());
    }

    [Fact]
    public async Task The_whole_ladder_comes_grouped_by_track()
    {
        var root = await Get("people management overview");
        Assert.Equal("skill_overview", root.GetProperty("intent").GetString());
        Assert.Equal(
            ["Software Engineer", "Software Engineer", "Engineering Manager", "Engineering Manager", "Engineering Manager"],
            root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("role").GetString()));
        // The contract's ladder items keep their fields: the track is not one of them.
        Assert.Equal(["role", "level", "necessity", "description", "examples"],
            root.GetProperty("items")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_adaptive_format_offers_only_the_roles_track_and_a_switch()
    {
        var response = await _app.Client.GetAsync("/api/v1/answer?format=adaptive&q=" + Uri.EscapeDataString("code review engineering manager 1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!
            .ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Engineering Manager · Management track · Engineering", card);
        Assert.Contains("Individual Contributor: Engineer 1 Software Engineer", card);
        Assert.Contains("\"value\":\"Director\"", card);
        Assert.DoesNotContain("\"value\":\"Staff Engineer\"", card);
    }
}
