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
    public static readonly IReadOnlyList<Intent> NotYetAnswered = [];

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
            assistant.Ask("what changed?"),
            assistant.Act(CardAction.Move(skill.Name, role.Name, levels[0].Name, other.Name, levels[Math.Min(1, levels.Length - 1)].Name)),
            assistant.Act(CardAction.Move(null, role.Name, levels[^1].Name, other.Name, levels[^1].Name)),
            assistant.Act(CardAction.Listing("skills")),
            assistant.Act(CardAction.Listing("skills", role: other.Name)),
            assistant.Act(CardAction.Listing("roles")),
            assistant.Act(CardAction.Listing("levels")),
        };
        var reloaded = new Assistant(catalogue);
        reloaded.Use(Edited(catalogue));
        answers.Add(reloaded.Ask("what changed?"));
        // Every expectation reworded: more changes than any channel shows at once.
        var revised = new Assistant(catalogue);
        revised.Use(new SkillCatalogue(catalogue.Levels, catalogue.Roles,
            [.. catalogue.Skills.Select(s => s with { Roles = [.. s.Roles.Select(r => r with { ByLevel = [.. r.ByLevel.Select(e => e is null ? null : new Expectation(e.Level, e.Necessity, e.Description + " (revised)"))] })] })],
            catalogue.Version + "r"));
        answers.Add(revised.Ask("what changed?"));
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
            var otherTrack = catalogue.Levels.First(l => l.Track != role.Track);
            answers.Add(assistant.Act(CardAction.Answer(skill.Name, role.Name, otherTrack.Name)));
        }
        return answers;
    }

    /// <summary>
    /// The catalogue after an edit of each kind a diff reports: the first expectation reworded, the second's necessity
    /// flipped, an alias added to the first skill, the last expectation removed. Enough for a changes answer to render.
    /// </summary>
    public static SkillCatalogue Edited(SkillCatalogue catalogue)
    {
        var first = catalogue.Skills[0];
        var expectations = first.Roles.SelectMany(r => r.ByLevel.OfType<Expectation>().Select(e => (Role: r, Expectation: e))).ToList();
        Expectation? Edit(Expectation e) =>
            ReferenceEquals(e, expectations[0].Expectation) ? new Expectation(e.Level, e.Necessity, e.Description + " Also coaches others in it.")
            : expectations.Count > 1 && ReferenceEquals(e, expectations[1].Expectation) ? new Expectation(e.Level, e.Necessity == Necessity.Required ? Necessity.Optional : Necessity.Required, e.Description)
            : expectations.Count > 2 && ReferenceEquals(e, expectations[^1].Expectation) ? null
            : e;
        var edited = first with
        {
            Aliases = [.. first.Aliases, first.Name + " practice"],
            Roles = [.. first.Roles.Select(r => r with { ByLevel = [.. r.ByLevel.Select(e => e is null ? null : Edit(e))] })],
        };
        return new SkillCatalogue(catalogue.Levels, catalogue.Roles, [edited, .. catalogue.Skills.Skip(1)], catalogue.Version + "e");
    }
}
