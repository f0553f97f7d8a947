using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>
/// Names the catalogue lacks, on the generated 2,000-skill framework (thirty roles, many of them "… Engineer", a
/// vocabulary large enough that a stray word is easily mistaken for a name): said back, never dropped or swapped.
/// </summary>
public sealed class LargeFrameworkNamesTests
{
    private static readonly SkillCatalogue Catalogue = GeneratedCatalogue.Generate().Load();
    private static readonly Assistant Assistant = new(Catalogue);

    [Theory]
    [InlineData("senior staff backend engineer", "Backend Engineer", "senior staff")]
    [InlineData("level 6 data analyst", "Data Analyst", "level 6")]
    [InlineData("am I ready for director as a platform engineer?", "Platform Engineer", "director")]
    [InlineData("我是资深后端工程师", "Backend Engineer", "资深")]
    public void A_level_it_lacks_asks_which_level_it_has(string question, string role, string named)
    {
        var answer = Assistant.Ask(question);
        Assert.Equal((Intent.Clarify, role, (string?)null), (answer.Intent, answer.Role, answer.Level));
        Assert.Equal(Catalogue.Levels.Select(l => l.Name), answer.Clarify!.Options);
        Assert.Contains(Assistant.Languages.For(answer.Language).Quote(named), answer.Message, StringComparison.Ordinal);
        AnswerContract.Check(answer, Catalogue);
    }

    [Theory]
    [InlineData("senior zorblax engineer", "zorblax engineer")]
    [InlineData("staff engineer", "engineer")]
    [InlineData("what does a lead blockchain developer need?", "blockchain developer")]
    [InlineData("区块链工程师需要什么？", "区块链工程师")]
    public void A_role_it_lacks_is_named_with_the_nearest_roles(string question, string named)
    {
        var answer = Assistant.Ask(question);
        Assert.Equal(Intent.NotFound, answer.Intent);
        Assert.Null(answer.Role);
        Assert.Contains(Assistant.Languages.For(answer.Language).Quote(named), answer.Message, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Suggestions);
        Assert.All(answer.Suggestions, s => Assert.NotNull(Catalogue.FindRole(s)));
        AnswerContract.Check(answer, Catalogue);
    }

    [Theory]
    [InlineData("I'm a senior Backend Engineer", "en")]
    [InlineData("我是高级后端工程师，下一步要学什么？", "zh")]
    [InlineData("作为一名高级后端工程师，我需要具备哪些能力？", "zh")]
    public void A_role_it_has_is_still_its_profile(string question, string language)
    {
        var answer = Assistant.Ask(question);
        Assert.Equal((Intent.RoleProfile, "Backend Engineer", "Senior", language), (answer.Intent, answer.Role, answer.Level, answer.Language));
        AnswerContract.Check(answer, Catalogue);
    }
}
