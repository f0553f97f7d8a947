using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkillBot.Teams;
using SkillBot.Tests.Slack;

namespace SkillBot.Tests.Teams;

/// <summary>A hanging connector, a failing OpenID authority and forged token fields: answered at once, bounded, never forged into the logs.</summary>
public sealed class TeamsResilienceTests
{
    private const string Seed = "what does senior LLM engineer need in deep learning?";

    [Fact]
    public async Task With_the_connector_hanging_a_full_reply_queue_sheds_at_once_and_a_redelivery_is_answered()
    {
        var logs = new CapturedLogs();
        await using var bed = await TeamsTestBed.StartAsync(settings: new() { ["Teams:ReplyQueueCapacity"] = "1000" }, overrides: logs.Register);
        long shedCount = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "SkillBot" && instrument.Name == "skillbot.queue.shed")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "queue", Value: nameof(ReplyQueue) })
                {
                    Interlocked.Add(ref shedCount, value);
                }
            }
        });
        listener.Start();

        // 32 senders hang on the connector and 1,000 replies wait: the messages after those must be answered at once.
        bed.Microsoft.HangConnector();
        var token = bed.Token();
        var statuses = new ConcurrentDictionary<string, HttpStatusCode>();
        using (var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 1100), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = hangGuard.Token },
                async (i, cancellation) =>
                {
                    var response = await bed.PostAsync(bed.Message(Seed, id: $"m{i}"), token, cancellation);
                    statuses[$"m{i}"] = response.StatusCode;
                });
        }

        var shed = statuses.Where(s => s.Value == HttpStatusCode.ServiceUnavailable).Select(s => s.Key).ToList();
        Assert.Equal(1100, statuses.Count(s => s.Value is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable));
        Assert.InRange(shed.Count, 1100 - 1000 - 32, 1100 - 1000);
        Assert.Equal(shed.Count, Interlocked.Read(ref shedCount));
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("reply queue full", StringComparison.Ordinal));

        // Shed ids were not kept as seen: once the connector is back, the Bot Framework's redelivery is answered.
        bed.Microsoft.ReleaseConnector();
        var redelivered = shed[0];
        using (var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            // Redelivered until taken, as the Bot Framework would: the queue drains as the connector answers.
            HttpStatusCode status;
            while ((status = (await bed.PostAsync(bed.Message(Seed, id: redelivered), token, hangGuard.Token)).StatusCode) == HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(100, hangGuard.Token);
            }
            Assert.Equal(HttpStatusCode.OK, status);
        }
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while ((await bed.Microsoft.NextReplyAsync(TimeSpan.FromSeconds(90))).ActivityId != redelivered)
        {
            deadline.Token.ThrowIfCancellationRequested();
        }
    }

    [Fact]
    public async Task Each_retry_of_a_reply_is_logged_with_what_the_connector_answered()
    {
        var logs = new CapturedLogs();
        await using var bed = await TeamsTestBed.StartAsync(overrides: logs.Register);
        bed.Microsoft.FailNext(503);
        bed.Microsoft.FailNext(429, retryAfter: "1");
        await bed.PostAsync(bed.Message(Seed));
        await bed.Microsoft.NextReplyAsync();

        var retries = logs.Lines.Where(l => l.Contains("Retrying a send to the connector", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, l => Assert.StartsWith("Warning", l, StringComparison.Ordinal));
        Assert.Contains(retries, l => l.Contains("(retry 1 of 4)", StringComparison.Ordinal) && l.Contains("503", StringComparison.Ordinal));
        Assert.Contains(retries, l => l.Contains("(retry 2 of 4)", StringComparison.Ordinal) && l.Contains("429", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(bed.Token(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unverified_token_and_activity_fields_reach_the_logs_escaped_never_as_new_lines()
    {
        var logs = new CapturedLogs();
        await using var bed = await TeamsTestBed.StartAsync(overrides: logs.Register);
        const string forged = "\nCritical SkillBot.Teams: FORGED";

        var badIssuer = TestTokens.Create(bed.Key.Credentials(), bed.Microsoft.ServiceUrl, issuer: "https://evil.example" + forged);
        var badKeyId = TestTokens.Create(TestKey.Teams("made-up\r" + forged + "\u2028").Credentials(), bed.Microsoft.ServiceUrl);
        var badChannel = bed.Message("hello");
        badChannel["channelId"] = "webchat" + forged;
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(bed.Message("hello"), badIssuer)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(bed.Message("hello"), badKeyId)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(badChannel)).StatusCode);

        var lines = logs.Lines.Where(l => l.Contains("FORGED", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count); // each refusal is logged, with the value escaped
        Assert.All(lines, l => Assert.DoesNotContain('\n', l));
        Assert.All(lines, l => Assert.DoesNotContain('\r', l));
        Assert.All(lines, l => Assert.DoesNotContain('\u2028', l));
        Assert.Contains(lines, l => l.Contains("evil.example\\u000aCritical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_huge_unverified_field_is_logged_capped()
    {
        var logs = new CapturedLogs();
        await using var bed = await TeamsTestBed.StartAsync(overrides: logs.Register);
        var token = TestTokens.Create(bed.Key.Credentials(), bed.Microsoft.ServiceUrl, issuer: "https://evil.example/" + new string('x', 10_000));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(bed.Message("hello"), token)).StatusCode);
        var line = Assert.Single(logs.Lines, l => l.Contains("evil.example", StringComparison.Ordinal));
        Assert.True(line.Length < 1000, $"{line.Length} characters");
    }

    [Fact]
    public async Task While_the_openid_metadata_fails_forged_tokens_cause_a_bounded_number_of_fetches_and_reading_resumes_later()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bed = await TeamsTestBed.StartAsync(overrides: services => services.AddSingleton<TimeProvider>(clock));
        bed.Microsoft.FailMetadata = true;

        for (var i = 0; i < 50; i++)
        {
            var forged = TestTokens.Create(TestKey.Teams($"forged-{i}").Credentials(), bed.Microsoft.ServiceUrl);
            Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(bed.Message("hello", id: $"f{i}"), forged)).StatusCode);
        }
        Assert.InRange(bed.Microsoft.MetadataFetches, 1, 2);

        // The authority is back: after the back-off the next token reads the keys and is served.
        bed.Microsoft.FailMetadata = false;
        clock.Advance(SigningKeys.RetryAfterFailure + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(bed.Message(Seed, id: "genuine"))).StatusCode);
        Assert.Equal("genuine", (await bed.Microsoft.NextReplyAsync()).ActivityId);
    }
}
