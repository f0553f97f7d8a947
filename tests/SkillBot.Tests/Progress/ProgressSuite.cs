using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Core;
using SkillBot.Core.Progress;
using SkillBot.Testing;
using SkillBot.Tests.Slack;
using SkillBot.Tests.Teams;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Progress;

/// <summary>
/// The promotion checklist end to end, through real HTTP on loopback (Slack signed, Teams with tokens, the web chat),
/// against a real database: the same tests for the SQLite file and for a PostgreSQL server (the subclasses).
/// </summary>
public abstract class ProgressSuite : IAsyncLifetime
{
    protected const string Skill = "Deep Learning";
    protected const string Role = "Data Scientist";
    protected const string Lead = "Lead";
    protected const string LeadText = "Defines deep learning strategy for the data science team";

    private readonly List<IAsyncDisposable> _running = [];

    protected FakeSlack Slack { get; private set; } = null!;

    protected CapturedLogs Logs { get; } = new();

    /// <summary>The settings that point SkillBot at this suite's database.</summary>
    protected abstract IEnumerable<KeyValuePair<string, string>> DatabaseSettings { get; }

    /// <summary>Rows in the database about one person (any channel), counted with a connection of the test's own.</summary>
    protected abstract Task<long> RowsAboutAsync(string userId);

    /// <summary>Rows of one Slack workspace.</summary>
    protected abstract Task<long> RowsOfWorkspaceAsync(string team);

    public async Task InitializeAsync() => Slack = await FakeSlack.StartAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var running in _running)
        {
            await running.DisposeAsync();
        }
        await Slack.DisposeAsync();
    }

    /// <summary>SkillBot with Slack (against the fake), Teams (against the fake Microsoft), the web chat and this suite's database.</summary>
    protected async Task<TeamsTestBed> StartAsync(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(DatabaseSettings)
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["Slack:ResponseUrlHosts"] = "127.0.0.1",
            ["WebChat:Enabled"] = "true",
            ["RateLimits:PerUserPerMinute"] = "1000",
            ["RateLimits:PerClientAddressPerMinute"] = "10000",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        var bed = await TeamsTestBed.StartAsync(settings: settings, overrides: Logs.Register);
        _running.Add(bed);
        return bed;
    }

    /// <summary>Stops one SkillBot (a restart, a replica going away).</summary>
    protected async Task StopAsync(TeamsTestBed bed)
    {
        _running.Remove(bed);
        await bed.DisposeAsync();
    }

    protected static string NewUser() => "u" + Guid.NewGuid().ToString("N")[..12];

    // ---- The web chat ----

    protected static async Task<JsonObject> AskAsync(TeamsTestBed bed, string user, string question)
    {
        var response = await bed.App.Client.PostAsJsonAsync("/api/webchat/ask", new JsonObject { ["q"] = question, ["user"] = user });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    protected static async Task<JsonObject> ActAsync(TeamsTestBed bed, string user, string verb, JsonObject data)
    {
        var response = await bed.App.Client.PostAsJsonAsync("/api/webchat/action", new JsonObject { ["verb"] = verb, ["data"] = data, ["user"] = user });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    protected static JsonObject Mark(string status, string evidence, string level = Lead, string role = Role) =>
        new() { ["skill"] = Skill, ["role"] = role, ["level"] = level, ["status"] = status, ["evidence"] = evidence };

    protected static string TextOf(JsonObject reply) => (string)reply["text"]!;

    [Fact]
    public async Task The_web_chat_shows_the_checklist_toward_the_next_level_and_marks_and_unmarks_with_evidence()
    {
        var bed = await StartAsync();
        var user = NewUser();
        await AskAsync(bed, user, "I'm a senior data scientist");

        var checklist = await AskAsync(bed, user, "my progress");
        Assert.Contains($"Toward {Lead} {Role}", TextOf(checklist));
        Assert.Contains("0 of 1 met, 0 in progress", TextOf(checklist));
        Assert.Contains(LeadText, TextOf(checklist));

        const string evidence = "Wrote the team's *DL* strategy [doc](javascript:alert(1)) <b>Q3</b>";
        var marked = await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("met", evidence));
        Assert.Contains("1 of 1 met", TextOf(marked));
        // Evidence is a TextRun: shown as given, never read as markdown.
        var runs = marked["card"]!.ToJsonString();
        Assert.Contains("\"type\":\"TextRun\",\"text\":\"Evidence: " + evidence.Replace("\"", "\\\"", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Unescape(runs));
        Assert.Equal(1, await RowsAboutAsync(user));

        var working = await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("working", "Drafting it"));
        Assert.Contains("0 of 1 met, 1 in progress", TextOf(working));
        Assert.Equal(1, await RowsAboutAsync(user));

        var unmarked = await ActAsync(bed, user, ProgressAction.UnmarkVerb, Mark("met", ""));
        Assert.Contains("0 of 1 met, 0 in progress", TextOf(unmarked));
        Assert.Equal(0, await RowsAboutAsync(user));
        Assert.DoesNotContain(Logs.Lines, line => line.Contains("strategy [doc]", StringComparison.Ordinal) || line.Contains("Drafting it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_target_level_and_one_skill_can_be_asked_for_and_the_mark_form_shows_inputs()
    {
        var bed = await StartAsync();
        var user = NewUser();
        var principal = await AskAsync(bed, user, "how far am I from principal data scientist in deep learning?");
        Assert.Contains("Toward Principal Data Scientist: Deep Learning", TextOf(principal));

        var form = await ActAsync(bed, user, ProgressAction.OpenVerb, new JsonObject { ["skill"] = Skill, ["role"] = Role, ["level"] = Lead });
        var card = form["card"]!.ToJsonString();
        Assert.Contains("\"type\":\"Input.Text\",\"id\":\"evidence\"", card);
        Assert.Contains("\"verb\":\"skillbot.progress.mark\"", card);
    }

    [Fact]
    public async Task Evidence_over_the_cap_is_refused_and_nothing_is_stored()
    {
        var bed = await StartAsync();
        var user = NewUser();
        var reply = await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("met", new string('x', ProgressMark.MaxEvidenceLength + 1)));
        Assert.Contains("keep it under", TextOf(reply));
        Assert.Equal(0, await RowsAboutAsync(user));
    }

    [Fact]
    public async Task A_restart_keeps_every_mark_and_its_evidence()
    {
        var user = NewUser();
        var first = await StartAsync();
        await ActAsync(first, user, ProgressAction.MarkVerb, Mark("met", "Kept across restarts"));
        await StopAsync(first);

        var second = await StartAsync();
        var checklist = await AskAsync(second, user, "how far am I from lead data scientist?");
        Assert.Contains("1 of 1 met", TextOf(checklist));
        Assert.Contains("Kept across restarts", TextOf(checklist));
    }

    [Fact]
    public async Task Forget_me_asks_first_then_leaves_no_row_and_no_remembered_context()
    {
        var bed = await StartAsync();
        var user = NewUser();
        await AskAsync(bed, user, "I'm a senior data scientist");
        await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("met", "Something personal"));
        await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("working", "More", level: "Principal"));
        Assert.Equal(2, await RowsAboutAsync(user));

        var question = await AskAsync(bed, user, "forget me");
        Assert.Contains("Shall I delete everything", TextOf(question));
        Assert.Contains(ProgressAction.ForgetVerb, question["card"]!.ToJsonString());
        Assert.Equal(2, await RowsAboutAsync(user));

        var done = await ActAsync(bed, user, ProgressAction.ForgetVerb, []);
        Assert.Contains("I deleted everything", TextOf(done));
        Assert.Equal(0, await RowsAboutAsync(user));
        var after = await AskAsync(bed, user, "my progress");
        Assert.Contains("Tell me your role and level first", TextOf(after));
    }

    [Fact]
    public async Task Asked_in_Chinese_the_checklist_its_card_marks_and_deletion_answer_in_Chinese()
    {
        var bed = await StartAsync();
        var user = NewUser();
        await AskAsync(bed, user, "I'm a senior data scientist");
        Assert.Contains("Toward Lead Data Scientist", TextOf(await AskAsync(bed, user, "my progress")));

        var checklist = await AskAsync(bed, user, "我的进度");
        Assert.StartsWith("迈向Lead Data Scientist\n您迈向Lead Data Scientist的清单：", TextOf(checklist));
        Assert.Contains("1 项中已达成 0 项，0 项进行中", TextOf(checklist));
        var card = System.Text.RegularExpressions.Regex.Unescape(checklist["card"]!.ToJsonString());
        Assert.Contains("\"title\":\"标记进度\"", card);
        Assert.Contains("\"title\":\"在此对话中分享\"", card);
        Assert.DoesNotContain("Mark progress", card);
        // Its buttons carry the language: what they answer is Chinese too.
        Assert.Contains("\"language\":\"zh\"", card);
        var form = await ActAsync(bed, user, ProgressAction.OpenVerb, new JsonObject { ["skill"] = Skill, ["role"] = Role, ["level"] = Lead, ["language"] = "zh" });
        Assert.Contains("证据（一句话，可附链接）", System.Text.RegularExpressions.Regex.Unescape(form["card"]!.ToJsonString()));
        var marked = Mark("working", "写了一半");
        marked["language"] = "zh";
        var saved = await ActAsync(bed, user, ProgressAction.MarkVerb, marked);
        Assert.Contains("已保存：Deep Learning进行中。", TextOf(saved));
        Assert.Contains("1 项中已达成 0 项，1 项进行中", TextOf(saved));
        Assert.Contains("🔶 进行中", TextOf(saved));
        Assert.Contains("证据：写了一半", TextOf(saved));

        var ask = await AskAsync(bed, user, "删除我的数据");
        Assert.Contains("要删除我保存的关于您的一切吗", TextOf(ask));
        Assert.Contains("是的，删除我的数据", System.Text.RegularExpressions.Regex.Unescape(ask["card"]!.ToJsonString()));
        var done = await ActAsync(bed, user, ProgressAction.ForgetVerb, new JsonObject { ["language"] = "zh" });
        Assert.Contains("已完成：我删除了保存的关于您的一切（1 条进度标记", TextOf(done));
        Assert.Equal(0, await RowsAboutAsync(user));
        Assert.Contains("请先告诉我您的角色和级别", TextOf(await AskAsync(bed, user, "我的进度")));
    }

    [Fact]
    public async Task Asking_too_fast_in_Chinese_is_told_so_in_Chinese()
    {
        var bed = await StartAsync(("RateLimits:PerUserPerMinute", "2"));
        var user = NewUser();
        await AskAsync(bed, user, "我的进度");
        await AskAsync(bed, user, "我的进度");
        Assert.Contains("您问得太快了", TextOf(await AskAsync(bed, user, "我的进度")));
        Assert.Contains("You're asking faster than I can keep up", TextOf(await AskAsync(bed, user, "my progress")));
        Assert.Contains("您问得太快了", TextOf(await ActAsync(bed, user, ProgressAction.ShowVerb, new JsonObject { ["language"] = "zh" })));
    }

    [Fact]
    public async Task A_catalogue_reload_that_changes_a_marked_expectation_keeps_the_mark_and_flags_it()
    {
        var bed = await StartAsync();
        var user = NewUser();
        await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("met", "Evidence before the change"));
        bed.App.Services.GetRequiredService<Assistant>().Use(Catalogues.BuiltInEdited("Defines deep learning strategy", "Owns the deep learning strategy"));

        var checklist = await AskAsync(bed, user, "how far am I from lead data scientist?");
        Assert.Contains("1 of 1 met", TextOf(checklist));
        Assert.Contains("Evidence before the change", TextOf(checklist));
        Assert.Contains("changed since you marked it", TextOf(checklist));
        Assert.Contains("Owns the deep learning strategy", TextOf(checklist));

        // Marking again acknowledges the new text: the flag goes.
        var remarked = await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("met", "Evidence after the change"));
        Assert.DoesNotContain("changed since you marked it", TextOf(remarked));
    }

    [Fact]
    public async Task A_skill_renamed_with_its_old_name_as_an_alias_keeps_its_mark_and_marking_or_unmarking_it_replaces_the_old_row()
    {
        var bed = await StartAsync();
        var (user, other) = (NewUser(), NewUser());
        await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("met", "Marked before the rename"));
        await ActAsync(bed, other, ProgressAction.MarkVerb, Mark("working", "Also before"));
        bed.App.Services.GetRequiredService<Assistant>().Use(Catalogues.BuiltInEdited(
            "skill: Deep Learning\ndomain: Machine Learning & AI\naliases: [DL,",
            "skill: Deep Nets\ndomain: Machine Learning & AI\naliases: [Deep Learning, DL,"));

        var checklist = await AskAsync(bed, user, "how far am I from lead data scientist?");
        Assert.Contains("1 of 1 met", TextOf(checklist));
        Assert.Contains("Deep Nets", TextOf(checklist));
        Assert.Contains("Marked before the rename", TextOf(checklist));
        Assert.DoesNotContain("changed since you marked it", TextOf(checklist));
        // The form under the new name shows the mark made under the old one.
        var form = await ActAsync(bed, user, ProgressAction.OpenVerb, new JsonObject { ["skill"] = "Deep Nets", ["role"] = Role, ["level"] = Lead });
        Assert.Contains("Marked before the rename", form["card"]!.ToJsonString());

        // Marked again under the new name: one row, the new one; unmarked: none, so the old mark cannot come back.
        var remarked = Mark("working", "After the rename");
        remarked["skill"] = "Deep Nets";
        Assert.Contains("0 of 1 met, 1 in progress", TextOf(await ActAsync(bed, user, ProgressAction.MarkVerb, remarked)));
        Assert.Equal(1, await RowsAboutAsync(user));
        var unmark = Mark("met", "");
        unmark["skill"] = "Deep Nets";
        Assert.Contains("0 of 1 met, 0 in progress", TextOf(await ActAsync(bed, other, ProgressAction.UnmarkVerb, unmark)));
        Assert.Equal(0, await RowsAboutAsync(other));
    }

    // ---- Slack ----

    protected static string Payload(JsonObject payload) => Form(("payload", payload.ToJsonString()));

    [Fact]
    public async Task Slack_progress_is_ephemeral_the_modal_opens_with_the_trigger_and_its_submission_is_saved_before_the_ack()
    {
        var bed = await StartAsync();
        var team = "T" + NewUser();
        var user = "U" + NewUser();
        await bed.App.Client.PostForm("/api/slack/commands", Command("I'm a senior data scientist", team, user));
        var response = await bed.App.Client.PostForm("/api/slack/commands", Command("progress", team, user));
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("ephemeral", (string?)message["response_type"]);
        Assert.Contains("Toward Lead Data Scientist", message.ToJsonString());
        var open = message["blocks"]!.AsArray().Select(b => b!["accessory"]).OfType<JsonObject>().First();

        var click = new JsonObject
        {
            ["type"] = "block_actions",
            ["trigger_id"] = "trigger-123",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["team"] = new JsonObject { ["id"] = team },
            ["response_url"] = Slack.ResponseUrl(),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = (string?)open["action_id"], ["type"] = "button", ["value"] = (string?)open["value"] }),
        };
        Assert.Equal(HttpStatusCode.OK, (await bed.App.Client.PostForm("/api/slack/interactions", Payload(click))).StatusCode);
        var views = await Slack.NextCall();
        Assert.Equal("views.open", views.Method);
        Assert.Equal("trigger-123", (string?)views.Body["trigger_id"]);
        var view = views.Body["view"]!.AsObject();

        const string evidence = "Led <@U0BOSS> & <!channel> review <https://evil.example|here>";
        var submission = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["team"] = new JsonObject { ["id"] = team },
            ["view"] = new JsonObject
            {
                ["id"] = "V1",
                ["callback_id"] = (string?)view["callback_id"],
                ["private_metadata"] = (string?)view["private_metadata"],
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["status"] = new JsonObject { ["status"] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = "met" } } },
                        ["evidence"] = new JsonObject { ["evidence"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = evidence } },
                    },
                },
            },
        };
        var ack = await bed.App.Client.PostForm("/api/slack/interactions", Payload(submission));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        // Committed before the acknowledgement that confirms it.
        Assert.Equal(1, await RowsAboutAsync(user));
        var ackBody = JsonNode.Parse(await ack.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("update", (string?)ackBody["response_action"]);
        Assert.Contains("Saved", ackBody.ToJsonString());

        var updated = await Slack.NextCall();
        Assert.Equal("response_url", updated.Method);
        Assert.Equal(true, (bool?)updated.Body["replace_original"]);
        var shown = updated.Body.ToJsonString();
        Assert.Contains("1 of 1 met", shown);
        // Escaped: the evidence can mention no one and link nowhere.
        Assert.Contains("&lt;@U0BOSS&gt; &amp; &lt;!channel&gt;", JsonNode.Parse(shown)!["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"]).OfType<string>().Single(t => t.Contains("Evidence", StringComparison.Ordinal)));
        Assert.DoesNotContain("<@U0BOSS>", shown);
    }

    [Fact]
    public async Task Any_expectation_card_offers_the_mark_and_in_slack_it_opens_the_modal()
    {
        var bed = await StartAsync();
        var web = await AskAsync(bed, NewUser(), "what does a lead data scientist need in deep learning?");
        Assert.Contains("\"verb\":\"skillbot.progress.open\"", web["card"]!.ToJsonString());

        var (team, user) = ("T" + NewUser(), "U" + NewUser());
        var response = await bed.App.Client.PostForm("/api/slack/commands", Command("lead data scientist deep learning", team, user));
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var mark = message["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray())
            .Single(e => ((string?)e!["value"])?.Contains(ProgressAction.OpenVerb, StringComparison.Ordinal) == true)!;
        var click = new JsonObject
        {
            ["type"] = "block_actions",
            ["trigger_id"] = "trigger-card",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["response_url"] = Slack.ResponseUrl(),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = (string?)mark["action_id"], ["type"] = "button", ["value"] = (string?)mark["value"] }),
        };
        await bed.App.Client.PostForm("/api/slack/interactions", Payload(click));
        var views = await Slack.NextCall();
        Assert.Equal("views.open", views.Method);
        Assert.Equal("trigger-card", (string?)views.Body["trigger_id"]);
        Assert.Contains(LeadText, views.Body["view"]!.ToJsonString());
    }

    [Fact]
    public async Task The_slack_modal_and_the_teams_form_open_prefilled_with_the_existing_mark()
    {
        var bed = await StartAsync();
        var (team, user) = ("T" + NewUser(), "U" + NewUser());
        var desk = bed.App.Services.GetRequiredService<SkillBot.Progress.ProgressDesk>();
        await desk.ActAsync(new SkillBot.Core.Conversation.ChatUser("slack", team, user), new ProgressAction(ProgressAction.MarkVerb, Skill, Role, Lead, "working", "Half of the roadmap"), default);

        var open = OpenClick(team, user, "trigger-prefilled");
        Assert.Equal(HttpStatusCode.OK, (await bed.App.Client.PostForm("/api/slack/interactions", Payload(open))).StatusCode);
        var views = await Slack.NextCall();
        Assert.Equal("views.open", views.Method);
        var blocks = views.Body["view"]!["blocks"]!.AsArray();
        Assert.Equal("working", (string?)blocks.Single(b => (string?)b!["block_id"] == "status")!["element"]!["initial_option"]!["value"]);
        Assert.Equal("Half of the roadmap", (string?)blocks.Single(b => (string?)b!["block_id"] == "evidence")!["element"]!["initial_value"]);

        // Teams: the form's inputs carry the mark (Input.ChoiceSet's value, Input.Text's value).
        var mark = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = ProgressAction.MarkVerb, ["data"] = Mark("working", "Drafted the DL roadmap") } };
        await bed.PostAsync(bed.Invoke("adaptiveCard/action", mark));
        var form = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = ProgressAction.OpenVerb, ["data"] = new JsonObject { ["skill"] = Skill, ["role"] = Role, ["level"] = Lead } },
        };
        var invoke = JsonNode.Parse(await (await bed.PostAsync(bed.Invoke("adaptiveCard/action", form))).Content.ReadAsStringAsync())!;
        var inputs = invoke["value"]!["body"]!.AsArray();
        Assert.Equal("working", (string?)inputs.Single(i => (string?)i!["id"] == "status")!["value"]);
        Assert.Equal("Drafted the DL roadmap", (string?)inputs.Single(i => (string?)i!["id"] == "evidence")!["value"]);
        Assert.Contains(invoke["value"]!["actions"]!.AsArray(), a => (string?)a!["verb"] == ProgressAction.UnmarkVerb);
    }

    /// <summary>A click on "Mark progress" for the suite's expectation, with a trigger_id.</summary>
    protected JsonObject OpenClick(string team, string user, string trigger) => new()
    {
        ["type"] = "block_actions",
        ["trigger_id"] = trigger,
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
        ["team"] = new JsonObject { ["id"] = team },
        ["response_url"] = Slack.ResponseUrl(),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = "skillbot.progress.open.0",
            ["type"] = "button",
            ["value"] = System.Text.Json.JsonSerializer.Serialize(new ProgressAction(ProgressAction.OpenVerb, Skill, Role, Lead), ProgressActionJsonContext.Default.ProgressAction),
        }),
    };

    [Fact]
    public async Task Slack_share_posts_the_checklist_in_channel_without_its_buttons()
    {
        var bed = await StartAsync();
        var team = "T" + NewUser();
        var user = "U" + NewUser();
        var share = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["response_url"] = Slack.ResponseUrl(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = "skillbot.progress.share",
                ["type"] = "button",
                ["value"] = new JsonObject { ["verb"] = ProgressAction.ShareVerb, ["role"] = Role, ["level"] = Lead }.ToJsonString(),
            }),
        };
        await bed.App.Client.PostForm("/api/slack/interactions", Payload(share));
        var call = await Slack.NextCall();
        Assert.Equal("in_channel", (string?)call.Body["response_type"]);
        Assert.Equal(false, (bool?)call.Body["replace_original"]);
        Assert.DoesNotContain("skillbot.progress.open", call.Body.ToJsonString());
    }

    [Fact]
    public async Task Slack_app_uninstalled_and_tokens_revoked_delete_that_workspace_s_rows()
    {
        var bed = await StartAsync();
        var (gone, staying) = ("T" + NewUser(), "T" + NewUser());
        foreach (var team in new[] { gone, staying })
        {
            await bed.App.Client.PostForm("/api/slack/commands", Command("I'm a senior data scientist", team, "U1"));
            var desk = bed.App.Services.GetRequiredService<SkillBot.Progress.ProgressDesk>();
            await desk.ActAsync(new SkillBot.Core.Conversation.ChatUser("slack", team, "U1"), new ProgressAction(ProgressAction.MarkVerb, Skill, Role, Lead, "met", "x"), default);
        }
        Assert.Equal(1, await RowsOfWorkspaceAsync(gone));

        var uninstalled = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = gone,
            ["event_id"] = "Ev" + NewUser(),
            ["event"] = new JsonObject { ["type"] = "app_uninstalled", ["event_ts"] = "1" },
        };
        Assert.Equal(HttpStatusCode.OK, (await bed.App.Client.PostJson("/api/slack/events", uninstalled.ToJsonString())).StatusCode);
        await Eventually(async () => await RowsOfWorkspaceAsync(gone) == 0);
        Assert.Equal(1, await RowsOfWorkspaceAsync(staying));

        var revoked = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = staying,
            ["event_id"] = "Ev" + NewUser(),
            ["event"] = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["bot"] = new JsonArray("U1") } },
        };
        await bed.App.Client.PostJson("/api/slack/events", revoked.ToJsonString());
        await Eventually(async () => await RowsOfWorkspaceAsync(staying) == 0);
    }

    // ---- Teams ----

    [Fact]
    public async Task Teams_action_execute_with_the_evidence_input_saves_and_answers_with_the_updated_card()
    {
        var bed = await StartAsync();
        var action = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = ProgressAction.MarkVerb,
                // Teams merges the card's inputs (status, evidence) into the action's data.
                ["data"] = Mark("met", "Presented the DL roadmap"),
            },
            ["trigger"] = "manual",
        };
        var response = await bed.PostAsync(bed.Invoke("adaptiveCard/action", action));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invoke = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(200, (int?)invoke["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)invoke["type"]);
        var card = invoke["value"]!.ToJsonString();
        Assert.Contains("Presented the DL roadmap", card);
        Assert.Contains("1 of 1 met", card);
        Assert.Equal(1, await RowsAboutAsync(TeamsTestBed.UserAadId));

        var unmark = action.DeepClone().AsObject();
        unmark["action"]!["verb"] = ProgressAction.UnmarkVerb;
        await bed.PostAsync(bed.Invoke("adaptiveCard/action", unmark));
        Assert.Equal(0, await RowsAboutAsync(TeamsTestBed.UserAadId));
    }

    [Fact]
    public async Task Teams_shows_no_progress_in_a_group_chat()
    {
        var bed = await StartAsync();
        var action = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = ProgressAction.ShowVerb, ["data"] = new JsonObject { ["role"] = Role, ["level"] = Lead } },
        };
        var activity = bed.Invoke("adaptiveCard/action", action);
        activity["conversation"]!["conversationType"] = "groupChat";
        var invoke = JsonNode.Parse(await (await bed.PostAsync(activity)).Content.ReadAsStringAsync())!;
        Assert.Contains("Your progress is private", invoke["value"]!.ToJsonString());
        Assert.DoesNotContain("Toward", invoke["value"]!.ToJsonString());
    }

    protected static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 20 s");
            await Task.Delay(50);
        }
    }
}
