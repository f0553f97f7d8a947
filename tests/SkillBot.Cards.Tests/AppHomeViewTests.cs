using System.Collections.Immutable;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

public sealed class AppHomeViewTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(96, 3)]
    [InlineData(97, 3)]
    [InlineData(500, 40)]
    [InlineData(3, 2000)]
    public void Any_catalogue_fits_the_home_tab_limits(int domains, int skillsPerDomain)
    {
        var catalogue = Generated(domains, skillsPerDomain);
        var blocks = AppHomeView.Build(catalogue, new Assistant(catalogue).Examples, new UserContext(new Person("Engineer", "Senior"), new Topic("Skill 0-0", "Engineer", "Lead", null)))["blocks"]!.AsArray();

        Assert.InRange(blocks.Count, 1, AppHomeView.MaxBlocks);
        Assert.All(blocks.Where(b => (string?)b!["type"] == "section"), b => Assert.InRange(((string?)b!["text"]!["text"])!.Length, 1, AppHomeView.MaxSectionText));
        var text = string.Join("\n", blocks.Select(b => b!.ToJsonString()));
        Assert.Contains("Senior Engineer", text, StringComparison.Ordinal);
        var shownDomains = blocks.Count(b => (string?)b!["type"] == "section") - 1;
        if (shownDomains < domains)
        {
            Assert.Contains($"{domains - shownDomains} more domains", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(domains, shownDomains);
        }
        if (skillsPerDomain > 200)
        {
            Assert.Contains("more", (string?)blocks.Last()!["text"]!["text"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_built_in_catalogue_is_shown_whole_with_a_hint_when_nothing_is_remembered()
    {
        var catalogue = Catalogues.BuiltIn();
        var blocks = AppHomeView.Build(catalogue, new Assistant(catalogue).Examples, null)["blocks"]!.AsArray();
        var sections = blocks.Where(b => (string?)b!["type"] == "section").Select(b => (string)b!["text"]!["text"]!).ToList();
        Assert.Contains("/skill", sections[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Last time", sections[0], StringComparison.Ordinal);
        foreach (var skill in catalogue.Skills)
        {
            Assert.Contains(sections.Skip(1), s => s.Contains(skill.Name.Replace("&", "&amp;"), StringComparison.Ordinal));
        }
    }

    private static SkillCatalogue Generated(int domains, int skillsPerDomain)
    {
        var levels = ImmutableArray.Create(new Level(1, "Junior", []), new Level(2, "Senior", []));
        var role = new Role("Engineer", []);
        var skills = Enumerable.Range(0, domains).SelectMany(d => Enumerable.Range(0, skillsPerDomain).Select(s =>
            new Skill($"Skill {d}-{s}", $"Domain {d:D4} <&>", [], null,
                [new RoleExpectations(role, [new Expectation(levels[0], Necessity.Required, "a"), new Expectation(levels[1], Necessity.Required, "b")])])));
        return new SkillCatalogue(levels, [role], [.. skills], "test");
    }
}
