using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Hosting;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>
/// Where a GET /api/v1/answer request's time goes, in-process, with the questions <c>tests/load/scale.sh</c> asks (one a
/// line, asked in turn by 1,000 users as answer.lua does, so follow-ups see each user's context): the core
/// (<see cref="Assistant.Respond"/> with that context), the answer's JSON, and the whole request through the server's
/// pipeline on an in-memory server (no sockets). One call at a time, every call timed, after a warm-up; median and
/// p99 overall and by intent, with each intent's share and JSON size. What wrk measures beyond the in-memory request is
/// Kestrel and the loopback socket.
/// </summary>
internal static class AnswerPath
{
    private const int Users = 1000;

    public static void Run(string catalogue, string questionsFile, int rounds, TextWriter output)
    {
        var questions = File.ReadAllLines(questionsFile).Where(l => l.Length > 0).ToArray();
        var asked = Enumerable.Range(0, Users).Select(u => (User: $"load-{u}", Question: questions[u % questions.Length])).ToArray();
        var builtIn = catalogue == "builtin";
        var assistant = new Assistant(builtIn ? Catalogues.BuiltIn() : Catalogues.Load(catalogue));

        // The core and the JSON, each user's context kept between turns as the server keeps it.
        var contexts = new Dictionary<string, UserContext?>(StringComparer.Ordinal);
        var calls = rounds * Users;
        var core = new double[calls];
        var json = new double[calls];
        var intents = new Intent[calls];
        var sizes = new int[calls];
        for (var pass = 0; pass < 2; pass++)
        {
            // The first pass warms up (JIT, tiering, the composer's diff cache) and is not kept.
            for (var i = 0; i < calls; i++)
            {
                var (user, question) = asked[i % Users];
                var chatUser = new ChatUser("api", null, user);
                var start = Stopwatch.GetTimestamp();
                var result = assistant.Respond(Turn.Question("api", chatUser, question), contexts.GetValueOrDefault(chatUser.Key));
                var composed = Stopwatch.GetTimestamp();
                var bytes = JsonSerializer.SerializeToUtf8Bytes(result.Answer, AnswerJsonContext.Default.Answer);
                var written = Stopwatch.GetTimestamp();
                if (result.Remember is { } next)
                {
                    contexts[chatUser.Key] = next;
                }
                core[i] = Stopwatch.GetElapsedTime(start, composed).TotalMicroseconds;
                json[i] = Stopwatch.GetElapsedTime(composed, written).TotalMicroseconds;
                intents[i] = result.Answer.Intent;
                sizes[i] = bytes.Length;
            }
        }
        var http = Http(builtIn ? null : catalogue, asked, calls);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(builtIn ? "built-in" : catalogue)} ({assistant.Catalogue.Skills.Length} skills), {questions.Length} questions by {Users} users, {calls} calls; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        output.WriteLine("| answers | share | core p50 | p99 | JSON p50 | p99 | JSON size | in-memory request p50 | p99 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row(output, "all", Enumerable.Range(0, calls).ToArray(), calls, core, json, sizes, http);
        foreach (var group in Enumerable.Range(0, calls).GroupBy(i => intents[i]).OrderByDescending(g => g.Count()))
        {
            Row(output, group.Key.ToString(), [.. group], calls, core, json, sizes, http);
        }
    }

    private static void Row(TextWriter output, string name, int[] calls, int total, double[] core, double[] json, int[] sizes, double[] http)
    {
        var (coreP50, coreP99) = Percentiles(calls.Select(i => core[i]));
        var (jsonP50, jsonP99) = Percentiles(calls.Select(i => json[i]));
        var (httpP50, httpP99) = Percentiles(calls.Select(i => http[i]));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {100.0 * calls.Length / total:F0}% | {coreP50:F1} µs | {coreP99:F1} µs | {jsonP50:F1} µs | {jsonP99:F1} µs | {calls.Average(i => sizes[i]) / 1024:F1} KiB | {httpP50:F1} µs | {httpP99:F1} µs |"));
    }

    private static (double P50, double P99) Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[sorted.Length / 2], sorted[sorted.Length * 99 / 100]);
    }

    /// <summary>The same calls as GET /api/v1/answer through the server on an in-memory transport, each timed until its body is read.</summary>
    private static double[] Http(string? catalogue, (string User, string Question)[] asked, int calls)
    {
        var data = Directory.CreateTempSubdirectory("skillbot-answer-path");
        string[] args =
        [
            "--Logging:LogLevel:Default=Warning", $"--Progress:DataFolder={data.FullName}",
            "--RateLimits:PerUserPerMinute=100000000", "--RateLimits:PerWorkspacePerMinute=100000000", "--RateLimits:PerClientAddressPerMinute=100000000",
            .. catalogue is null ? Array.Empty<string>() : ["--catalogue", catalogue],
        ];
        var app = SkillBotApp.Build(args, services => services.AddSingleton<IServer>(sp => new TestServer(sp)));
        app.StartAsync().GetAwaiter().GetResult();
        try
        {
            using var client = ((TestServer)app.Services.GetRequiredService<IServer>()).CreateClient();
            var paths = asked.Select(a => $"/api/v1/answer?q={Uri.EscapeDataString(a.Question)}&user={a.User}").ToArray();
            var times = new double[calls];
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < calls; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    using var response = client.GetAsync(paths[i % paths.Length]).GetAwaiter().GetResult();
                    response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"{paths[i % paths.Length]}: {(int)response.StatusCode}");
                    }
                }
            }
            return times;
        }
        finally
        {
            app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)app).Dispose();
            data.Delete(recursive: true);
        }
    }
}
