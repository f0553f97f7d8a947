using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;

namespace SkillBot.Testing;

/// <summary>One answer of every intent a catalogue can produce, for checking every rendering of every kind of answer.</summary>
public static class SampleAnswers
{
    /// <summary>
    /// The 1.1 intents the core does not answer with yet (answer-api.md's "not yet"): every other intent has a
    /// sample, and every rendering test covers it. An intent leaves this list with its first sample.
    /// </summary>
    public static readonly IReadOnlyList<Intent> NotYetAnswered = [Intent.Changes];

    public static IReadOnlyList<Answer> For(SkillCatalogue catalogue)
    {
        var assistant = new Assistant(catalogue);
        var skill = catalogue.Skills[0];
        var role = skill.Roles[0].Role;
        var levels = catalogue.Levels;
        var other = catalogue.Roles.FirstOrDefault(r => r != role) ?? role;
        var answers = new List<Answer>
        {
            assistant.Act(CardAction.Answer(skill.Name, role.Name, levels[0].Name)),
            assistant.Act(CardAction.Answer(skill.Name, role.Name, levels[^1].Name)),
            assistant.Act(CardAction.Answer(skill.Name, role.Name, levels[0].Name, levels[^1].Name)),
            assistant.Act(CardAction.Answer(null, role.Name, levels[Math.Min(2, levels.Length - 1)].Name)),
            assistant.Act(CardAction.Answer(skill.Name, null, null)),
            assistant.Act(CardAction.Answer(skill.Name, role.Name, null)),
            assistant.Act(CardAction.Answer(null, role.Name, null)),
            assistant.Ask(levels[^1].Name),
            assistant.Ask("kubernetes operator"),
            assistant.Ask(""),
            assistant.Act(CardAction.Move(skill.Name, role.Name, levels[0].Name, other.Name, levels[Math.Min(1, levels.Length - 1)].Name)),
            assistant.Act(CardAction.Move(null, role.Name, levels[^1].Name, other.Name, levels[^1].Name)),
            assistant.Act(CardAction.Listing("skills")),
            assistant.Act(CardAction.Listing("skills", role: other.Name)),
            assistant.Act(CardAction.Listing("roles")),
            assistant.Act(CardAction.Listing("levels")),
        };
        return answers;
    }
}
