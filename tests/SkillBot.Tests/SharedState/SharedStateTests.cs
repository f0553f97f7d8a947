using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using SkillBot.Testing;
using SkillBot.Tests.Conversation;
using StackExchange.Redis;

namespace SkillBot.Tests.SharedState;

/// <summary>Two SkillBot replicas sharing a real Redis; Redis stopped and started under them.</summary>
public sealed class SharedStateTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private RunningApp _first = null!;
    private RunningApp _second = null!;

    public async Task InitializeAsync()
    {
        _first = await RunningApp.StartAsync("--Redis:Connection=" + _redis.Connection);
        _second = await RunningApp.StartAsync("--Redis:Connection=" + _redis.Connection);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        _redis.Dispose();
    }

    [Fact]
    public async Task A_follow_up_answered_by_the_other_replica_knows_what_the_user_said()
    {
        await Ask(_first, "I'm a senior data scientist", "ann");
        var answer = await Ask(_second, "what about deep learning?", "ann");
        Assert.Equal(("expectation", "Data Scientist", "Senior"), Fields(answer));
    }

    [Fact]
    public async Task Without_Redis_it_keeps_answering_from_memory_with_a_warning_and_recovers_when_Redis_returns()
    {
        long degradations = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "SkillBot" && instrument.Name == "skillbot.state.degraded")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref degradations, value));
        listener.Start();

        _redis.Stop();
        await Ask(_first, "I'm a lead llm engineer", "bob");
        var fromMemory = await Ask(_first, "what about deep learning?", "bob");
        Assert.Equal(("expectation", "LLM Engineer", "Lead"), Fields(fromMemory));
        var ready = await _first.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await Readiness(_first));
        Assert.True(Interlocked.Read(ref degradations) > 0);

        _redis.Start();
        await Eventually(async () => await Readiness(_first) == "Healthy" && await Readiness(_second) == "Healthy");
        await Ask(_first, "I'm a junior data scientist", "cy");
        var shared = await Ask(_second, "what about deep learning?", "cy");
        Assert.Equal(("expectation", "Data Scientist", "Junior"), Fields(shared));
    }

    [Fact]
    public async Task Every_dialogue_alternating_between_replicas_keeps_the_person_and_the_topic_in_Redis()
    {
        for (var d = 0; d < Dialogues.BuiltIn.Count; d++)
        {
            var dialogue = Dialogues.BuiltIn[d];
            var turn = 0;
            foreach (var step in dialogue.Turns)
            {
                // Every turn on the other replica than the one before: only Redis carries the memory.
                var answer = await Ask(turn++ % 2 == 0 ? _first : _second, step.Say, $"dialogue-{d}");
                DialogueAssert.Resolves(dialogue, step, answer);
            }
        }
    }

    [Fact]
    public async Task State_written_by_the_version_before_reads_as_the_topic_without_a_person()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Connection);
        await redis.GetDatabase().StringSetAsync("skillbot:context:api:old-replica",
            """{"Skill":"Deep Learning","Role":"Data Scientist","Level":"Senior"}""");

        Assert.Equal(("expectation", "Data Scientist", "Lead"), Fields(await Ask(_second, "and for lead?", "old-replica")));
        Assert.Equal("clarify", (await Ask(_first, "how do I get promoted?", "old-replica")).GetProperty("intent").GetString());
    }

    [Theory]
    [InlineData("not json {")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("""{"Skill":5}""")]
    [InlineData("""{"Version":"x","Person":"senior"}""")]
    [InlineData("""{"Person":{"Role":{"deep":[[[[[]]]]]}}}""")]
    public async Task Damaged_state_in_Redis_is_a_fresh_start_not_a_failure(string stored)
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Connection);
        await redis.GetDatabase().StringSetAsync("skillbot:context:api:damaged", stored);

        Assert.Equal(("skill_overview", null, null), Fields(await Ask(_first, "what about deep learning?", "damaged")));
        Assert.Equal("Healthy", await Readiness(_first));
        await Ask(_first, "I'm a senior data scientist", "damaged");
        Assert.Equal(("role_profile", "Data Scientist", "Senior"), Fields(await Ask(_second, "how do I get promoted?", "damaged")));
    }

    private static async Task<JsonElement> Ask(RunningApp app, string q, string user)
    {
        var response = await app.Client.GetAsync($"/api/v1/answer?user={user}&q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<string?> Readiness(RunningApp app) =>
        JsonDocument.Parse(await app.Client.GetStringAsync("/readyz")).RootElement.GetProperty("status").GetString();

    private static (string?, string?, string?) Fields(JsonElement answer) =>
        (answer.GetProperty("intent").GetString(), answer.GetProperty("role").GetString(), answer.GetProperty("level").GetString());

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Redis did not come back in time");
            await Task.Delay(200);
        }
    }
}
