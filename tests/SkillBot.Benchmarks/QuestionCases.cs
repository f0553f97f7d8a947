using SkillBot.Core;
using SkillBot.Core.Answers;

namespace SkillBot.Benchmarks;

/// <summary>A typical question of one kind and the intent it must be answered with (checked before measuring).</summary>
public sealed record QuestionCase(string Question, Intent Intent, string? Skill = null);

internal static class QuestionCases
{
    /// <summary>The kinds every question benchmark measures, in report order.</summary>
    public static readonly string[] Kinds = ["seed", "typo", "compare", "chinese", "role-profile", "help", "unknown", "compare-roles", "catalogue"];

    /// <summary>
    /// Asks each question once and throws if any is not understood as intended: a benchmark of a
    /// question that falls through to help would measure the wrong path.
    /// </summary>
    public static void Check(Assistant assistant, IReadOnlyDictionary<string, QuestionCase> cases)
    {
        foreach (var (kind, expected) in cases)
        {
            var answer = assistant.Ask(expected.Question);
            if (answer.Intent != expected.Intent || (expected.Skill is not null && answer.Skill != expected.Skill))
            {
                throw new InvalidOperationException(
                    $"{kind}: \"{expected.Question}\" was answered {answer.Intent} ({answer.Skill}), expected {expected.Intent} ({expected.Skill}): {answer.Message}");
            }
        }
    }
}
