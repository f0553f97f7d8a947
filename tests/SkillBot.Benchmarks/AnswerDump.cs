using System.Text.Json;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Testing;

namespace SkillBot.Benchmarks;

/// <summary>
/// Every answer to a broad set of questions on a generated catalogue, one JSON line each, contract fields and the card's
/// ladder both: run before and after a change to the question path and compare the files (they must be the same).
/// Each question is asked without context and then by one user in turn, so follow-ups are covered too.
/// </summary>
internal static class AnswerDump
{
    public static void Run(int skills, TextWriter output)
    {
        var catalogue = GeneratedCatalogue.Generate(skills, shape: GeneratedShape.Uniform).Load();
        var assistant = new Assistant(catalogue);
        var cases = ScaleQuestions.CasesFor(catalogue, assistant);
        var questions = LoadQuestions.For(catalogue, 4000, 7)
            .Concat(cases.Values.Select(c => c.Question))
            .Concat(catalogue.Roles.Where((_, i) => i % 7 == 0).SelectMany(r => new[]
            {
                $"I'm a senior {r.Name}", $"{r.Name} vs {catalogue.Roles[(catalogue.Roles.IndexOf(r) + 5) % catalogue.Roles.Length].Name} at middle",
                $"what skills does a {r.Name} have?", $"how do I become a lead {r.Name}?", $"senior {r.Name.Split(' ')[0]} wizard",
            }))
            .Concat(catalogue.Skills.Where((_, i) => i % 97 == 0).SelectMany(s => new[]
            {
                $"{s.Name}", $"{s.Name.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal)} senior", $"{s.Name[..Math.Min(s.Name.Length, 6)]}",
                $"{s.Name.Split(' ')[^1]} overview", $"what does a senior data scientist need in {s.Name.Split(' ')[0]} {s.Name.Split(' ')[^1][..Math.Min(3, s.Name.Split(' ')[^1].Length)]}?",
            }))
            .Concat(["hello", "help", "senior", "how do I get promoted?", "what roles are there?", "what levels are there?", "what skills are there?",
                "senior kotlin engineer", "what does a senior kubernetes wizard need?", "pipel", "data pipel", "what changed?"])
            .ToList();
        var user = new ChatUser("api", null, "dump");
        UserContext? context = null;
        foreach (var question in questions)
        {
            Write(output, "alone", assistant.Ask(question));
            var result = assistant.Respond(Turn.Question("api", user, question), context);
            context = result.Remember ?? context;
            Write(output, "turn", result.Answer);
        }
    }

    private static void Write(TextWriter output, string how, Answer answer)
    {
        output.Write(how);
        output.Write(' ');
        output.Write(JsonSerializer.Serialize(answer, AnswerJsonContext.Default.Answer));
        output.Write(' ');
        output.WriteLine(JsonSerializer.Serialize(new[] { answer.Ladder.Levels, answer.Ladder.Roles, answer.Ladder.TrackSwitches.Select(t => $"{t.Track}/{t.Role}/{t.Level}").ToList() }));
    }
}
