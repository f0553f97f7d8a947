using System.Diagnostics;
using System.Globalization;

namespace SkillBot.Benchmarks;

/// <summary>
/// The tail BenchmarkDotNet averages away: each question kind of <see cref="ScaleQuestions"/> asked one call at a
/// time, every call timed, after a warm-up; prints the median and p99 per kind and catalogue size.
/// </summary>
internal static class QuestionLatency
{
    public static void Run(IReadOnlyList<int> sizes, int calls, TextWriter output)
    {
        output.WriteLine($"| question | {string.Join(" | ", sizes.Select(s => $"{s:N0} skills p50 | p99"))} |");
        output.WriteLine($"|---|{string.Concat(sizes.Select(_ => "---:|---:|"))}");
        var rows = ScaleQuestions.Kinds.ToDictionary(k => k, _ => new List<string>());
        foreach (var size in sizes)
        {
            var (assistant, cases) = ScaleQuestions.For(size);
            foreach (var kind in ScaleQuestions.Kinds)
            {
                var question = cases[kind].Question;
                for (var i = 0; i < calls / 10; i++)
                {
                    assistant.Ask(question);
                }
                var times = new double[calls];
                for (var i = 0; i < calls; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    assistant.Ask(question);
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                }
                Array.Sort(times);
                rows[kind].Add(string.Create(CultureInfo.InvariantCulture, $"{times[calls / 2]:F1} µs | {times[calls * 99 / 100]:F1} µs"));
            }
        }
        foreach (var (kind, cells) in rows)
        {
            output.WriteLine($"| {kind} | {string.Join(" | ", cells)} |");
        }
    }
}
