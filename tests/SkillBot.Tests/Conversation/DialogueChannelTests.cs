using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Cards.Adaptive;
using SkillBot.Cards.Slack;
using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Testing;
using SkillBot.Tests.Slack;
using SkillBot.Tests.Teams;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Conversation;

/// <summary>
/// The conversation table's built-in dialogues driven end to end: through Slack (signed slash commands to the real HTTP
/// endpoint) and through Teams (personal messages with tokens the test makes, answered through the fake connector).
/// Each reply must be the rendering of the answer the core gives with the memory of the turns before, and that answer
/// must be the table's: the person's and the topic's memory really flows through each channel's gate and store.
/// </summary>
public sealed class DialogueChannelTests
{
    [Fact]
    public async Task Every_dialogue_through_slack_slash_commands()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var app = await RunningApp.StartAsync(
            "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken, "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--Slack:ResponseUrlHosts=hooks.slack.com,127.0.0.1");
        var assistant = app.Services.GetRequiredService<Assistant>();
        for (var d = 0; d < Dialogues.BuiltIn.Count; d++)
        {
            var dialogue = Dialogues.BuiltIn[d];
            var user = $"UDIALOGUE{d}";
            foreach (var (turn, expected, _) in ConversationHost.Run(assistant, dialogue))
            {
                DialogueAssert.Resolves(dialogue, turn, expected);
                var response = await app.Client.PostForm("/api/slack/commands", Command(turn.Say, team: "TDIALOGUE", user: user));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                // The slash command answers "help" itself, with its own words; everything else passes the gate.
                var shown = turn.Say.Trim().Equals("help", StringComparison.OrdinalIgnoreCase)
                    ? assistant.Help(turn.Say.Trim(), "Ask /skill what a level expects in a skill, for example:")
                    : expected;
                var sent = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(BlockKitRenderer.ToUtf8(shown, SlackPlacement.Ephemeral)), sent),
                    $"{dialogue.Name}: \"{turn.Say}\" got\n{sent}\nexpected the rendering of: {shown.Message}");
            }
        }
    }

    [Fact]
    public async Task Every_dialogue_through_teams_personal_messages()
    {
        await using var bed = await TeamsTestBed.StartAsync();
        var assistant = bed.App.Services.GetRequiredService<Assistant>();
        var renderer = bed.App.Services.GetRequiredService<AdaptiveCardRenderer>();
        var id = 0;
        for (var d = 0; d < Dialogues.BuiltIn.Count; d++)
        {
            var dialogue = Dialogues.BuiltIn[d];
            foreach (var (turn, expected, _) in ConversationHost.Run(assistant, dialogue))
            {
                DialogueAssert.Resolves(dialogue, turn, expected);
                var message = bed.Message(turn.Say, id: $"dialogue-{++id}");
                message["from"]!["aadObjectId"] = $"aad-dialogue-{d}";
                Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(message)).StatusCode);
                var reply = await bed.Microsoft.NextReplyAsync();
                Assert.Equal($"dialogue-{id}", reply.ActivityId);
                var card = reply.Activity["attachments"]![0]!["content"]!;
                Assert.Equal(TextRenderer.Render(expected), card["fallbackText"]!.GetValue<string>());
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(renderer.Render(expected)), card),
                    $"{dialogue.Name}: \"{turn.Say}\" got\n{card}\nexpected the card of: {expected.Message}");
            }
        }
    }
}

/// <summary>The table's expectation of one turn, checked on the answer a channel test is about to compare with.</summary>
internal static class DialogueAssert
{
    public static void Resolves(Dialogue dialogue, DialogueTurn turn, Answer answer) =>
        Assert.True($"{turn.Intent} | {turn.Skill} | {turn.Role} | {turn.Level} | {turn.CompareTo}"
            == $"{Name(answer.Intent)} | {answer.Skill} | {answer.Role} | {answer.Level} | {answer.CompareTo}",
            $"{dialogue.Name}: expected {turn}, the core answered {answer.Intent} ({answer.Message})");

    public static void Resolves(Dialogue dialogue, DialogueTurn turn, JsonElement answer) =>
        Assert.True($"{turn.Intent} | {turn.Skill} | {turn.Role} | {turn.Level} | {turn.CompareTo}"
            == $"{answer.GetProperty("intent").GetString()} | {answer.GetProperty("skill").GetString()} | {answer.GetProperty("role").GetString()} | {answer.GetProperty("level").GetString()} | {answer.GetProperty("compareTo").GetString()}",
            $"{dialogue.Name}: expected {turn}, got {answer}");

    private static string Name(Intent intent) => JsonSerializer.Serialize(intent, AnswerJsonContext.Default.Intent).Trim('"');
}
