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
    public static readonly IReadOnlyList<Intent> NotYetAnswered = [Intent.CompareRoles, Intent.Changes, Intent.Catalogue];

    public static IReadOnlyList<Answer> For(SkillCatalogue catalogue)
    {
        var assistant = new Assistant(catalogue);
        var skill = catalogue.Skills[0];
        var role = skill.Roles[0].Role;
        var levels = catalogue.Levels;
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
        };
        if (catalogue.HasTracks)
        {
            // On each track: the top (with its switch to another track), a role profile with its track's levels, the
            // whole ladder grouped by track, and a level of another track than the role's.
            foreach (var track in catalogue.Tracks)
            {
                var onTrack = catalogue.Skills.SelectMany(s => s.Roles.Select(r => (Skill: s, Expectations: r))).First(x => x.Expectations.Role.Track == track);
                var top = catalogue.LevelsOf(track)[^1];
                answers.Add(assistant.Act(CardAction.Answer(onTrack.Skill.Name, onTrack.Expectations.Role.Name, top.Name)));
                answers.Add(assistant.Act(CardAction.Answer(null, onTrack.Expectations.Role.Name, catalogue.LevelsOf(track)[0].Name)));
            }
            answers.Add(assistant.Act(CardAction.Answer(skill.Name, null, null)));
            var other = catalogue.Levels.First(l => l.Track != role.Track);
            answers.Add(assistant.Act(CardAction.Answer(skill.Name, role.Name, other.Name)));
        }
        return answers;
    }
}
