using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

/// <summary>The generated catalogue of 2,000 skills, and its listings and lateral moves as a person would ask for them.</summary>
internal static class LargeAnswers
{
    public static readonly SkillCatalogue Catalogue = GeneratedCatalogue.Generate().Load();

    public static IReadOnlyList<Answer> Listings()
    {
        var assistant = new Assistant(Catalogue);
        var busiest = Catalogue.Roles.OrderByDescending(r => Catalogue.SkillsOf(r).Length).ToList();
        return
        [
            assistant.Ask("what skills are there?"),
            assistant.Ask("list the roles"),
            assistant.Ask("which levels exist?"),
            assistant.Act(CardAction.Listing("skills", role: busiest[0].Name)),
            assistant.Act(CardAction.Listing("skills", domain: Catalogue.Domains[0])),
            assistant.Act(CardAction.Move(null, busiest[0].Name, Catalogue.Levels[2].Name, busiest[1].Name, Catalogue.Levels[3].Name)),
        ];
    }
}
