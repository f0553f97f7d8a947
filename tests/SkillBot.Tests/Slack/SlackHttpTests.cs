using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Limits;
using SkillBot.Slack.Verification;
using SkillBot.Testing;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Slack;

/// <summary>The Slack endpoints over real HTTP, signed like Slack, answering through a fake Slack on loopback.</summary>
public sealed class SlackHttpTests : IAsyncLifetime
{
    private const string Commands = "/api/slack/commands";
    private const string Events = "/api/slack/events";
    private const string Interactions = "/api/slack/interactions";

    private FakeSlack _slack = null!;
    private RunningApp _app = null!;
    private readonly CapturedLogs _logs = new();

    private HttpClient Client => _app.Client;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _app = await RunningApp.StartAsync(_logs.Register,
            "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken, "--Slack:ApiBaseUrl=" + _slack.ApiBaseUrl,
            "--Slack:ResponseUrlHosts=hooks.slack.com,127.0.0.1", "--Slack:MaxBodyBytes=65536");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }

    // ---- Slash commands ----

    [Fact]
    public async Task A_slash_command_is_answered_in_its_own_response_as_an_ephemeral_block_kit_message()
    {
        var response = await Client.PostForm(Commands, Command("senior llm engineer deep learning"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("ephemeral", (string?)message["response_type"]);
        Assert.NotEmpty(message["blocks"]!.AsArray());
        var expected = _app.Services.GetRequiredService<Assistant>().Ask("senior llm engineer deep learning");
        Assert.Equal(expected.Message, (string?)message["text"]);
        Assert.Equal(Intent.Expectation, expected.Intent);
    }

    [Fact]
    public async Task After_a_catalogue_reload_the_same_command_is_answered_from_the_new_catalogue()
    {
        const string question = "what does senior LLM engineer need in deep learning?";
        var before = await (await Client.PostForm(Commands, Command(question))).Content.ReadAsStringAsync();
        _app.Services.GetRequiredService<Assistant>().Use(Catalogues.BuiltInEdited("Designs custom training loops", "Designs bespoke training loops"));
        var after = await (await Client.PostForm(Commands, Command(question))).Content.ReadAsStringAsync();

        Assert.Contains("Designs custom training loops", before);
        Assert.Contains("Designs bespoke training loops", after);
        Assert.DoesNotContain("Designs custom training loops", after);
    }

    [Fact]
    public async Task Text_escaped_by_slack_is_read_as_typed()
    {
        var response = await Client.PostForm(Commands, Command("<@U0BOT|skillbot> Machine Learning &amp; AI"));
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var asTyped = _app.Services.GetRequiredService<Assistant>().Ask("Machine Learning & AI");
        Assert.NotEqual(Intent.NotFound, asTyped.Intent);
        Assert.Equal(asTyped.Message, (string?)message["text"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("help")]
    [InlineData("  HELP ")]
    public async Task An_empty_command_or_help_shows_help_built_from_the_catalogue(string text)
    {
        var response = await Client.PostForm(Commands, Command(text));
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("ephemeral", (string?)message["response_type"]);
        Assert.StartsWith("Ask /skill what a level expects in a skill", (string?)message["text"]);
        var example = _app.Services.GetRequiredService<Assistant>().Composer.ExampleQuestions()[0];
        Assert.Contains(example, message["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slash_command_remembers_context_per_team_and_user()
    {
        await Client.PostForm(Commands, Command("I'm a senior data scientist", team: "T1", user: "U7"));
        var followUp = JsonNode.Parse(await (await Client.PostForm(Commands, Command("what about deep learning?", team: "T1", user: "U7"))).Content.ReadAsStringAsync())!;
        var otherTeam = JsonNode.Parse(await (await Client.PostForm(Commands, Command("what about deep learning?", team: "T2", user: "U7"))).Content.ReadAsStringAsync())!;
        var assistant = _app.Services.GetRequiredService<Assistant>();
        Assert.Equal(assistant.Act(CardAction.Answer("Deep Learning", "Data Scientist", "Senior")).Message, (string?)followUp["text"]);
        Assert.NotEqual((string?)followUp["text"], (string?)otherTeam["text"]);
    }

    [Fact]
    public async Task A_lateral_move_by_slash_command_and_its_swap_button_answer_both_ways_round()
    {
        var message = JsonNode.Parse(await (await Client.PostForm(Commands, Command("from middle DS to senior LLM engineer"))).Content.ReadAsStringAsync())!;
        var assistant = _app.Services.GetRequiredService<Assistant>();
        Assert.Equal(assistant.Ask("from middle DS to senior LLM engineer").Message, (string?)message["text"]);
        var swap = message["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .Single(e => (e!["text"] as JsonObject)?["text"]?.GetValue<string>() == "Swap roles ⇄")!;

        var pressed = await Client.PostForm(Interactions, Interaction(swap["action_id"]!.GetValue<string>(), value: swap["value"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        var replaced = await _slack.NextCall();
        Assert.Equal("response_url", replaced.Method);
        Assert.Equal(assistant.Act(CardAction.Move(null, "LLM Engineer", "Senior", "Data Scientist", "Middle")).Message, (string?)replaced.Body["text"]);
    }

    [Fact]
    public async Task A_listing_by_slash_command_links_to_the_other_listings()
    {
        var message = JsonNode.Parse(await (await Client.PostForm(Commands, Command("what roles are there?"))).Content.ReadAsStringAsync())!;
        var texts = message["blocks"]!.AsArray().Select(b => (b!["text"] as JsonObject)?["text"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Contains(texts, t => t.Contains("*Data Scientist*: 1 skill: Deep Learning", StringComparison.Ordinal));
        var levels = message["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .Single(e => (e!["text"] as JsonObject)?["text"]?.GetValue<string>() == "All levels")!;
        Assert.Equal(HttpStatusCode.OK, (await Client.PostForm(Interactions, Interaction(levels["action_id"]!.GetValue<string>(), value: levels["value"]!.GetValue<string>()))).StatusCode);
        var replaced = await _slack.NextCall();
        Assert.Equal(_app.Services.GetRequiredService<Assistant>().Ask("which levels exist?").Message, (string?)replaced.Body["text"]);
    }

    [Fact]
    public async Task Over_the_limit_a_command_a_mention_and_a_button_each_get_the_one_friendly_answer()
    {
        await using var app = await RunningApp.StartAsync(
            "--RateLimits:PerUserPerMinute=1", "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken,
            "--Slack:ApiBaseUrl=" + _slack.ApiBaseUrl, "--Slack:ResponseUrlHosts=hooks.slack.com,127.0.0.1");
        var first = JsonNode.Parse(await (await app.Client.PostForm(Commands, Command("deep learning"))).Content.ReadAsStringAsync())!;
        Assert.NotEqual(ChatRateLimiter.FriendlyMessage, (string?)first["text"]);

        var command = JsonNode.Parse(await (await app.Client.PostForm(Commands, Command("deep learning"))).Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)command["response_type"]);
        Assert.Equal(ChatRateLimiter.FriendlyMessage, (string?)command["text"]);

        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostJson(Events, Mention("EvFast", "<@UBOT> deep learning", ts: "5.1"))).StatusCode);
        var mention = await _slack.NextCall();
        Assert.Equal("5.1", (string?)mention.Body["thread_ts"]);
        Assert.Equal(ChatRateLimiter.FriendlyMessage, (string?)mention.Body["text"]);

        var action = CardAction.Answer("Deep Learning", "LLM Engineer", "Lead");
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostForm(Interactions, Interaction("skillbot.next", value: Json(action)))).StatusCode);
        var button = await _slack.NextCall();
        Assert.Equal("response_url", button.Method);
        Assert.Equal(ChatRateLimiter.FriendlyMessage, (string?)button.Body["text"]);
    }

    [Fact]
    public async Task Ssl_check_gets_an_empty_200()
    {
        var response = await Client.PostForm(Commands, "ssl_check=1&token=x", secret: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    // ---- Verification ----

    [Fact]
    public async Task Slacks_known_answer_example_passes_through_kestrel_with_an_injected_clock()
    {
        await using var app = await RunningApp.StartAsync(
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618))),
            "--Slack:SigningSecret=8f742231b10e8888abcd99yyyzzz85a5", "--Slack:BotToken=" + BotToken);
        var request = new HttpRequestMessage(HttpMethod.Post, Commands)
        {
            Content = new StringContent(SlackSignatureTests.KnownBody, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackSignature.TimestampHeader, "1531420618");
        request.Headers.Add(SlackSignature.SignatureHeader, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ephemeral", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response_type"]);
    }

    public static TheoryData<string> Endpoints => new() { Commands, Events, Interactions };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Unsigned_requests_are_refused_with_401_and_a_body_that_says_nothing(string path)
    {
        var response = await Client.PostForm(path, Command("senior llm engineer deep learning"), secret: null);
        await AssertRefused(response);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Requests_signed_with_another_secret_are_refused(string path)
    {
        await AssertRefused(await Client.PostForm(path, Command("senior llm engineer deep learning"), secret: "not-the-secret"));
    }

    [Theory]
    [InlineData(-330)]
    [InlineData(330)]
    [InlineData(-3600)]
    public async Task Stale_or_future_timestamps_are_refused(int offsetSeconds)
    {
        var timestamp = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await Client.SendAsync(Post(Commands, Command("help"), "application/x-www-form-urlencoded", Secret, timestamp));
        await AssertRefused(response);
    }

    [Fact]
    public async Task A_timestamp_four_minutes_old_is_accepted()
    {
        var timestamp = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 240).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await Client.SendAsync(Post(Commands, Command("help"), "application/x-www-form-urlencoded", Secret, timestamp));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_altered_after_signing_is_refused()
    {
        var request = Post(Commands, Command("help"), "application/x-www-form-urlencoded");
        request.Content = new StringContent(Command("help", user: "UEVIL"), Encoding.UTF8, "application/x-www-form-urlencoded");
        await AssertRefused(await Client.SendAsync(request));
    }

    [Theory]
    [InlineData("not-a-number", "v0=00")]
    [InlineData("", "")]
    [InlineData(null, "v0=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Missing_or_malformed_signature_headers_are_refused(string? timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Commands) { Content = new StringContent(Command("help"), Encoding.UTF8, "application/x-www-form-urlencoded") };
        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation(SlackSignature.TimestampHeader, timestamp);
        }
        request.Headers.TryAddWithoutValidation(SlackSignature.SignatureHeader, signature);
        await AssertRefused(await Client.SendAsync(request));
    }

    [Fact]
    public async Task Two_signing_secrets_are_accepted_at_once_while_rotating()
    {
        await using var app = await RunningApp.StartAsync("--Slack:SigningSecrets=old-one, new-one", "--Slack:BotToken=" + BotToken);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostForm(Commands, Command("help"), secret: "old-one")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostForm(Commands, Command("help"), secret: "new-one")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.PostForm(Commands, Command("help"), secret: "other")).StatusCode);
    }

    private static async Task AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var hint in new[] { "signature", "timestamp", "secret", "stale", "expired", "hmac" })
        {
            Assert.DoesNotContain(hint, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    // ---- Bad bodies ----

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        var response = await Client.PostForm(Commands, Command(new string('a', 70_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_chunked_body_without_a_length_gets_413()
    {
        var body = Encoding.UTF8.GetBytes(Command(new string('a', 70_000)));
        var request = Post(Commands, "", "application/x-www-form-urlencoded");
        request.Content = new StreamContent(new NoLengthStream(body));
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(Commands, "application/json", """{"command":"/skill"}""")]
    [InlineData(Commands, "application/x-www-form-urlencoded", "text=senior&command=/skill")]
    [InlineData(Commands, "application/x-www-form-urlencoded", "%%%&&&=")]
    [InlineData(Events, "application/json", """{"type":"event_callback","event":""")]
    [InlineData(Events, "application/json", "[1,2,3]")]
    [InlineData(Events, "application/json", """{"no_type":true}""")]
    [InlineData(Events, "application/x-www-form-urlencoded", "type=event_callback")]
    [InlineData(Events, "application/json", """{"type":"event_callback","event_id":"EvBad","event":{"type":"app_mention","user":{"id":"U1"}}}""")]
    [InlineData(Interactions, "application/x-www-form-urlencoded", "nopayload=1")]
    [InlineData(Interactions, "application/x-www-form-urlencoded", "payload=%7Bnot%20json")]
    [InlineData(Interactions, "application/x-www-form-urlencoded", "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%22oops%22%7D")]
    [InlineData(Interactions, "application/json", """{"payload":{}}""")]
    public async Task Malformed_bodies_get_400_with_a_message(string path, string contentType, string body)
    {
        var response = await Client.SendAsync(Post(path, body, contentType));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Validly signed bodies of every wrong shape the handlers could meet: refused (4xx) or acknowledged, never a 500.</summary>
    public static readonly string[] MalformedEvents =
    [
        """{"type":"event_callback","event_id":"EvM1","authorizations":[null],"event":{"type":"app_mention","user":"U1","text":"<@UBOT> deep learning","ts":"9.1","channel":"C1"}}""",
        """{"type":"event_callback","event_id":"EvM2","authorizations":"UBOT","event":{"type":"app_mention","user":"U1","text":"hi","ts":"9.2","channel":"C1"}}""",
        """{"type":"event_callback","event_id":"EvM3","authorizations":[{"user_id":"UBOT","is_bot":"yes"}],"event":{"type":"app_mention","user":"U1","ts":"9.3","channel":"C1"}}""",
        """{"type":"event_callback","event_id":"EvM4","authorizations":[7],"event":{"type":"app_mention","user":"U1","ts":"9.4","channel":"C1"}}""",
        """{"type":"event_callback","event_id":"EvM5","event":{"type":"message","channel_type":"im","user":"U1","text":["deep learning"],"ts":"9.5","channel":"D1"}}""",
        """{"type":"event_callback","event_id":"EvM6","event":{"type":"app_mention","user":null,"text":"hi","ts":"9.6","channel":"C1"}}""",
        """{"type":"event_callback","event_id":"EvM7","event":{"type":"app_mention","text":"hi","ts":9.7,"channel":"C1","user":"U1"}}""",
        """{"type":"event_callback","event_id":"EvM8","event":{"type":"app_home_opened","user":{"id":"U1"},"tab":"home"}}""",
        """{"type":"event_callback","event_id":"EvM9","event":{"type":"app_home_opened","tab":"home"}}""",
        """{"type":"event_callback","event_id":"EvM10","event":["app_mention"]}""",
        """{"type":"event_callback","event_id":"EvM11","event":null}""",
        """{"type":"event_callback","event_id":"EvM12","event":{"type":null}}""",
        """{"type":"event_callback","event_id":12,"event":{"type":"app_mention","user":"U1","ts":"9.12","channel":"C1"}}""",
        """{"type":"event_callback","team_id":{"id":"T1"},"event_id":"EvM13","event":{"type":"app_mention","user":"U1","ts":"9.13","channel":"C1"}}""",
        """{"type":["event_callback"]}""",
        """{"type":"url_verification","challenge":{"x":1}}""",
        """{"type":"url_verification"}""",
        "null",
        "\"event_callback\"",
    ];

    public static readonly string[] MalformedInteractions =
    [
        """{"type":"block_actions","user":{"id":"U1"},"response_url":"https://hooks.slack.com/actions/T1/1/x","actions":[null]}""",
        """{"type":"block_actions","user":{"id":"U1"},"actions":[1]}""",
        """{"type":"block_actions","user":{"id":"U1"},"actions":{"action_id":"skillbot.next"}}""",
        """{"type":"block_actions","user":"U1","actions":[{"action_id":"skillbot.next","value":"{}"}]}""",
        """{"type":"block_actions","actions":[{"action_id":"skillbot.next","value":"{\"verb\":\"skillbot.answer\",\"skill\":\"Deep Learning\"}"}]}""",
        """{"type":"block_actions","user":{"id":null},"actions":[{"action_id":"skillbot.next","value":"{\"verb\":\"skillbot.answer\"}"}]}""",
        """{"type":"block_actions","user":{"id":"U1"},"team":[],"actions":[]}""",
        """{"type":"block_actions","user":{"id":"U1"},"response_url":5,"actions":[]}""",
        """{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"skillbot.next","value":{"verb":"skillbot.answer"}}]}""",
        """{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"skillbot.level","selected_option":"Lead"}]}""",
        """{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":["skillbot.next"]}]}""",
        """{"type":"block_actions","user":{"id":"U1"},"view":"V1","actions":[]}""",
        """{"type":"view_submission","user":{"id":"U1"},"view":[1,2]}""",
        """{"type":5}""",
        "null",
        "[]",
        "\"block_actions\"",
    ];

    [Fact]
    public async Task Malformed_payloads_under_a_valid_signature_are_refused_or_acknowledged_never_a_server_error()
    {
        var failures = new List<string>();
        foreach (var (path, contentType, body) in MalformedEvents.Select(e => (Events, "application/json", e))
            .Concat(MalformedInteractions.Select(p => (Interactions, "application/x-www-form-urlencoded", Form(("payload", p))))))
        {
            var response = await Client.SendAsync(Post(path, body, contentType));
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status is not (200 or (>= 400 and < 500)) || text.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add($"{status} for {body}");
            }
        }
        Assert.Empty(failures);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("NullReferenceException", StringComparison.Ordinal));
        await AssertNextAnswerIsTheMarker(); // nothing of the above was answered, and the app still answers
    }

    [Theory]
    [InlineData("""[{"team_id":"T1","user_id":"UBOT","is_bot":true}]""", """[null]""")]
    [InlineData("""[{"team_id":"T1","user_id":"UBOT","is_bot":true}]""", """[{"team_id":"T1","user_id":"UBOT","is_bot":"no"}]""")]
    [InlineData("\"ts\":\"7.7\"", "\"ts\":7.7")]
    [InlineData("\"channel\":\"C1\"", "\"channel\":{\"id\":\"C1\"}")]
    public async Task A_malformed_event_is_refused_and_its_corrected_retry_is_still_answered(string part, string malformedPart)
    {
        var fixedEvent = Mention("EvFixed", "<@UBOT> deep learning overview", ts: "7.7");
        var malformed = fixedEvent.Replace(part, malformedPart, StringComparison.Ordinal);
        Assert.NotEqual(fixedEvent, malformed);

        var refused = await Client.PostJson(Events, malformed);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"detail\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var retry = await Client.PostJson(Events, fixedEvent, Secret, ("X-Slack-Retry-Num", "1"), ("X-Slack-Retry-Reason", "http_error"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var call = await _slack.NextCall();
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("7.7", (string?)call.Body["thread_ts"]);
    }

    [Fact]
    public async Task A_block_actions_payload_with_a_null_action_gets_400()
    {
        var response = await Client.PostForm(Interactions, Form(("payload",
            """{"type":"block_actions","user":{"id":"U1"},"response_url":"https://hooks.slack.com/actions/T1/1/x","actions":[null]}""")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // ---- Events ----

    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge()
    {
        var response = await Client.PostJson(Events, """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_mention_is_acknowledged_and_answered_in_its_thread_with_chat_postMessage()
    {
        var response = await Client.PostJson(Events, Mention("Ev1", "<@UBOT> what does a senior data scientist need in deep learning?", ts: "111.222"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());

        var call = await _slack.NextCall();
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer " + BotToken, call.Authorization);
        Assert.StartsWith("application/json", call.ContentType);
        Assert.Equal("C1", (string?)call.Body["channel"]);
        Assert.Equal("111.222", (string?)call.Body["thread_ts"]);
        var expected = _app.Services.GetRequiredService<Assistant>().Ask("what does a senior data scientist need in deep learning?");
        Assert.Equal(expected.Message, (string?)call.Body["text"]);
        Assert.NotEmpty(call.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task A_mention_inside_a_thread_is_answered_in_that_thread()
    {
        await Client.PostJson(Events, Mention("Ev2", "<@UBOT> deep learning overview", ts: "200.1", threadTs: "100.1"));
        Assert.Equal("100.1", (string?)(await _slack.NextCall()).Body["thread_ts"]);
    }

    [Fact]
    public async Task A_direct_message_is_answered_in_thread()
    {
        await Client.PostJson(Events, DirectMessage("Ev3", "senior llm engineer deep learning", ts: "300.1"));
        var call = await _slack.NextCall();
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("D1", (string?)call.Body["channel"]);
        Assert.Equal("300.1", (string?)call.Body["thread_ts"]);
    }

    [Fact]
    public async Task A_retried_or_repeated_event_is_acknowledged_but_answered_once()
    {
        await Client.PostJson(Events, Mention("EvRetry", "<@UBOT> deep learning overview", ts: "1.1"));
        Assert.Equal("1.1", (string?)(await _slack.NextCall()).Body["thread_ts"]);

        var retry = await Client.PostJson(Events, Mention("EvRetry", "<@UBOT> deep learning overview", ts: "1.1"), Secret,
            ("X-Slack-Retry-Num", "1"), ("X-Slack-Retry-Reason", "http_timeout"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var again = await Client.PostJson(Events, Mention("EvRetry", "<@UBOT> deep learning overview", ts: "1.1"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        await AssertNextAnswerIsTheMarker();
    }

    public static TheoryData<string> NotQuestions => new()
    {
        // the bot's own message (its user id is in authorizations), another bot's, an edit, a join, a channel message without a mention
        """{"type":"message","channel_type":"im","channel":"D1","user":"UBOT","text":"Senior: …","ts":"5.1"}""",
        """{"type":"message","channel_type":"im","channel":"D1","user":"U2","bot_id":"B2","text":"hi","ts":"5.2"}""",
        """{"type":"message","subtype":"bot_message","channel_type":"im","channel":"D1","bot_id":"BBOT","text":"hi","ts":"5.3"}""",
        """{"type":"message","subtype":"message_changed","channel_type":"im","channel":"D1","message":{"user":"U1","text":"deep learning"},"ts":"5.4"}""",
        """{"type":"message","subtype":"channel_join","channel_type":"channel","channel":"C1","user":"U1","text":"joined","ts":"5.5"}""",
        """{"type":"message","channel_type":"channel","channel":"C1","user":"U1","text":"deep learning overview","ts":"5.6"}""",
        """{"type":"app_mention","channel":"C1","user":"U2","bot_id":"B2","text":"<@UBOT> deep learning","ts":"5.7"}""",
    };

    [Theory]
    [MemberData(nameof(NotQuestions))]
    public async Task Own_messages_other_bots_edits_and_subtypes_are_acknowledged_and_ignored(string innerEvent)
    {
        var response = await Client.PostJson(Events, Envelope("EvIgnored", innerEvent));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNextAnswerIsTheMarker();
    }

    [Theory]
    [InlineData("""{"type":"event_callback","event_id":"EvU1","event":{"type":"reaction_added","user":"U1","item":{"type":"message"}}}""")]
    [InlineData("""{"type":"event_callback","event_id":"EvU2","event":{"type":"user_change","user":{"id":"U1"}}}""")]
    [InlineData("""{"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820}""")]
    [InlineData("""{"type":"event_callback","event_id":"EvU3"}""")]
    public async Task Unknown_event_and_envelope_types_get_200_and_are_ignored(string body)
    {
        var response = await Client.PostJson(Events, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNextAnswerIsTheMarker();
    }

    [Fact]
    public async Task Opening_app_home_publishes_the_catalogue_with_the_users_remembered_context()
    {
        await Client.PostForm(Commands, Command("I'm a senior data scientist", team: "T1", user: "U9"));
        var response = await Client.PostJson(Events, Envelope("EvHome", """{"type":"app_home_opened","user":"U9","channel":"D9","tab":"home","event_ts":"1.2"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var call = await _slack.NextCall();
        Assert.Equal("views.publish", call.Method);
        Assert.Equal("Bearer " + BotToken, call.Authorization);
        Assert.Equal("U9", (string?)call.Body["user_id"]);
        Assert.Equal("home", (string?)call.Body["view"]!["type"]);
        var blocks = call.Body["view"]!["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 4, 100);
        var text = string.Join("\n", Texts(blocks));
        Assert.Contains("Senior Data Scientist", text, StringComparison.Ordinal);
        var catalogue = _app.Services.GetRequiredService<Assistant>().Catalogue;
        Assert.All(catalogue.Domains, d => Assert.Contains(d.Replace("&", "&amp;"), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_messages_tab_opening_publishes_nothing()
    {
        await Client.PostJson(Events, Envelope("EvMsgTab", """{"type":"app_home_opened","user":"U9","channel":"D9","tab":"messages","event_ts":"1.2"}"""));
        await AssertNextAnswerIsTheMarker();
    }

    // ---- Interactions ----

    [Fact]
    public async Task A_next_level_button_replaces_the_message_through_the_response_url()
    {
        var action = CardAction.Answer("Deep Learning", "LLM Engineer", "Lead");
        var response = await Client.PostForm(Interactions, Interaction("skillbot.next", value: Json(action)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var call = await _slack.NextCall();
        Assert.Equal("response_url", call.Method);
        Assert.Null(call.Authorization);
        Assert.Equal(true, (bool?)call.Body["replace_original"]);
        Assert.Null(call.Body["response_type"]);
        Assert.Equal(_app.Services.GetRequiredService<Assistant>().Act(action).Message, (string?)call.Body["text"]);
        Assert.NotEmpty(call.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task The_level_select_answers_the_selected_options_card_action()
    {
        var action = CardAction.Answer("Deep Learning", "LLM Engineer", "Junior");
        await Client.PostForm(Interactions, Interaction("skillbot.level", selected: Json(action)));
        var call = await _slack.NextCall();
        Assert.Equal(true, (bool?)call.Body["replace_original"]);
        Assert.Equal(_app.Services.GetRequiredService<Assistant>().Act(action).Message, (string?)call.Body["text"]);
    }

    [Fact]
    public async Task Share_re_posts_the_answer_shown_in_channel()
    {
        var action = CardAction.Answer("Deep Learning", "LLM Engineer", "Senior");
        await Client.PostForm(Interactions, Interaction("skillbot.share", value: Json(action)));
        var call = await _slack.NextCall();
        Assert.Equal("in_channel", (string?)call.Body["response_type"]);
        Assert.Equal(false, (bool?)call.Body["replace_original"]);
        Assert.Equal(_app.Services.GetRequiredService<Assistant>().Act(action).Message, (string?)call.Body["text"]);
    }

    [Fact]
    public async Task A_response_url_off_the_allow_list_is_never_called()
    {
        var action = Json(CardAction.Answer("Deep Learning", "LLM Engineer", "Lead"));
        foreach (var url in new[] { "https://evil.example/hooks/x", "http://localhost:1/x", "file:///etc/passwd", "not a url" })
        {
            var response = await Client.PostForm(Interactions, Interaction("skillbot.next", value: action, responseUrl: url));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await AssertNextAnswerIsTheMarker();
    }

    [Theory]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1"}}""")]
    [InlineData("""{"type":"shortcut","callback_id":"x","user":{"id":"U1"}}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"someone.else","type":"button","value":"x"}]}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"skillbot.next","type":"button","value":"not json"}]}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"skillbot.next","type":"button"}]}""")]
    [InlineData("""{"no_type":1}""")]
    public async Task Unknown_interaction_and_action_types_get_200_and_are_ignored(string payload)
    {
        var response = await Client.PostForm(Interactions, Form(("payload", payload)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNextAnswerIsTheMarker();
    }

    // ---- Helpers ----

    /// <summary>
    /// Sends a mention that is answered, and checks that the next call Slack receives is its answer: whatever the
    /// test sent before was not answered (calls are queued in order at acknowledgement time).
    /// </summary>
    private async Task AssertNextAnswerIsTheMarker()
    {
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        await Client.PostJson(Events, Mention(marker, "<@UBOT> deep learning overview", ts: marker));
        var call = await _slack.NextCall();
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal(marker, (string?)call.Body["thread_ts"]);
        Assert.Equal(_slack.Taken, _slack.History.Count);
    }

    /// <summary>Every "text" string in a Block Kit tree.</summary>
    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v ? [v.GetValue<string>()] : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    private static string Json(CardAction action) =>
        System.Text.Json.JsonSerializer.Serialize(action, CardActionJsonContext.Default.CardAction);

    private static string Envelope(string eventId, string innerEvent) =>
        $$"""{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"{{eventId}}","event_time":1700000000,"authorizations":[{"team_id":"T1","user_id":"UBOT","is_bot":true}],"event":{{innerEvent}}}""";

    private static string Mention(string eventId, string text, string ts, string? threadTs = null) =>
        Envelope(eventId, new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U1", ["text"] = text, ["ts"] = ts, ["channel"] = "C1", ["event_ts"] = ts,
            ["thread_ts"] = threadTs,
        }.ToJsonString());

    private static string DirectMessage(string eventId, string text, string ts) =>
        Envelope(eventId, new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["user"] = "U1", ["text"] = text, ["ts"] = ts, ["channel"] = "D1", ["event_ts"] = ts,
        }.ToJsonString());

    private string Interaction(string actionId, string? value = null, string? selected = null, string? responseUrl = null)
    {
        var action = new JsonObject { ["action_id"] = actionId, ["block_id"] = "b1", ["type"] = selected is null ? "button" : "static_select", ["action_ts"] = "1.1" };
        if (value is not null)
        {
            action["value"] = value;
        }
        if (selected is not null)
        {
            action["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x" }, ["value"] = selected };
        }
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U1", ["username"] = "ann", ["team_id"] = "T1" },
            ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "test" },
            ["api_app_id"] = "A1",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.1", ["channel_id"] = "C1", ["is_ephemeral"] = true },
            ["channel"] = new JsonObject { ["id"] = "C1", ["name"] = "general" },
            ["response_url"] = responseUrl ?? _slack.ResponseUrl(),
            ["actions"] = new JsonArray(action),
        };
        return Form(("payload", payload.ToJsonString()));
    }

    /// <summary>A body sent chunked: the server cannot know its size up front.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
