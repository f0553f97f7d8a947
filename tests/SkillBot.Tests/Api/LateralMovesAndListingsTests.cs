using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Slack;
using SkillBot.Testing;

namespace SkillBot.Tests.Api;

/// <summary>compare_roles and catalogue answers through the real host: the JSON API and its renderings, on the built-in catalogue and on 2,000 skills.</summary>
public sealed class LateralMovesAndListingsTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_lateral_move_is_answered_with_both_roles_each_at_its_own_level_skill_by_skill()
    {
        var root = await Answer(_app, "from middle DS to senior LLM engineer");
        Assert.Equal("compare_roles", root.GetProperty("intent").GetString());
        Assert.Equal(("Data Scientist", "Middle", "LLM Engineer", "Senior"),
            (root.GetProperty("role").GetString(), root.GetProperty("level").GetString(), root.GetProperty("compareRole").GetString(), root.GetProperty("compareTo").GetString()));
        var item = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal(["skill", "domain", "current", "next"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Middle", item.GetProperty("current").GetProperty("level").GetString());
        Assert.Equal("Senior", item.GetProperty("next").GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("clarify").ValueKind);

        var skill = await Answer(_app, "senior data scientist vs senior LLM engineer in deep learning");
        Assert.Equal("compare_roles", skill.GetProperty("intent").GetString());
        Assert.Equal("Deep Learning", skill.GetProperty("skill").GetString());
        var next = skill.GetProperty("next");
        Assert.Equal(next.GetProperty("description").GetString(), string.Concat(next.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("text").GetString())));
        Assert.Contains(next.GetProperty("segments").EnumerateArray(), s => s.GetProperty("added").GetBoolean());
        Assert.Empty(skill.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("what skills are there?", "skill", "domain", "roles")]
    [InlineData("list the roles", "role", "skills", null)]
    [InlineData("which levels exist?", "level", null, null)]
    public async Task A_listing_is_a_catalogue_answer_with_its_items_in_catalogue_order(string question, string first, string? second, string? third)
    {
        var root = await Answer(_app, question);
        Assert.Equal("catalogue", root.GetProperty("intent").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("clarify").ValueKind);
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(new[] { first, second, third }.OfType<string>(), i.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task On_2000_skills_every_listing_is_a_teams_card_under_the_limit_and_a_slack_message_within_its_limits()
    {
        var folder = Directory.CreateTempSubdirectory("skillbot-2000-").FullName;
        try
        {
            GeneratedCatalogue.Generate().WriteTo(folder);
            await using var app = await RunningApp.StartAsync("--Catalogue:Path=" + folder);
            foreach (var question in new[] { "what skills are there?", "list the roles", "which levels exist?" })
            {
                var json = await Answer(app, question);
                Assert.Equal("catalogue", json.GetProperty("intent").GetString());

                var card = await app.Client.GetAsync($"/api/v1/answer?format=adaptive&q={Uri.EscapeDataString(question)}");
                Assert.Equal(HttpStatusCode.OK, card.StatusCode);
                var bytes = await card.Content.ReadAsByteArrayAsync();
                Assert.True(bytes.Length <= AdaptiveCardRenderer.MaxBytes, $"{question}: {bytes.Length} bytes");
                Assert.Empty(Assert.Single(OfficialCards.Validate([JsonNode.Parse(bytes)])));

                var slack = JsonNode.Parse(await (await app.Client.GetAsync($"/api/v1/answer?format=blockkit&q={Uri.EscapeDataString(question)}")).Content.ReadAsStringAsync())!;
                var blocks = slack["blocks"]!.AsArray();
                Assert.InRange(blocks.Count, 1, BlockKitRenderer.MaxBlocks);
                Assert.All(blocks, b => Assert.True(((b!["text"] as JsonObject)?["text"]?.GetValue<string>().Length ?? 0) <= BlockKitRenderer.MaxSectionText));
            }
            var all = await Answer(app, "list all skills");
            Assert.Equal(GeneratedCatalogue.DefaultSkillCount, all.GetProperty("items").GetArrayLength());
            Assert.Contains("2000 skills", all.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonElement> Answer(RunningApp app, string question)
    {
        var response = await app.Client.PostAsync("/api/v1/answer", new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["q"] = question }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
