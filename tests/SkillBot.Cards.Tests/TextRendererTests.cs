using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

public sealed class TextRendererTests
{
    private static readonly Assistant Assistant = new(Catalogues.BuiltIn());

    [Theory]
    [InlineData("what does senior LLM engineer need in deep learning?", "▶ Current level: Senior · Optional", "▶ Next level: Lead · Optional")]
    [InlineData("deep learning principal ds", "▶ Current level: Principal", "Top of the ladder: there is no level above Principal.")]
    [InlineData("middle vs lead llm engineer deep learning", "▶ From: Middle", "▶ Goal: Lead")]
    [InlineData("deep learning overview", "## Data Scientist", "## LLM Engineer")]
    [InlineData("senior", "- Data Scientist", "- LLM Engineer")]
    [InlineData("高级LLM工程师在深度学习方面需要什么？", "▶ 当前级别: 高级 · 可选", "▶ 下一级别: 主管 · 可选")]
    [InlineData("senior data scientist vs senior LLM engineer in deep learning", "▶ Data Scientist: Senior · Optional", "▶ LLM Engineer: Senior · Optional")]
    [InlineData("from middle DS to senior LLM engineer", "## Deep Learning (Machine Learning & AI)", "▶ LLM Engineer: Senior · Optional")]
    [InlineData("what skills are there?", "## Machine Learning & AI (1 skill)", "- Deep Learning: Data Scientist, LLM Engineer")]
    [InlineData("list the roles", "- Data Scientist: 1 skill: Deep Learning", "- LLM Engineer: 1 skill: Deep Learning")]
    [InlineData("which levels exist?", "- Junior", "- Principal")]
    public void Marks_the_levels_and_fits_80_columns(string question, string first, string second)
    {
        var text = TextRenderer.Render(Assistant.Ask(question));
        Assert.Contains(first, text, StringComparison.Ordinal);
        Assert.Contains(second, text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= TextRenderer.Width, line));
    }

    [Fact]
    public void A_2000_skill_catalogue_is_listed_whole_within_80_columns()
    {
        var text = TextRenderer.Render(new Assistant(LargeAnswers.Catalogue).Ask("list all skills"));
        Assert.All(LargeAnswers.Catalogue.Domains, d => Assert.Contains($"## {d} (", text, StringComparison.Ordinal));
        Assert.Equal(LargeAnswers.Catalogue.Skills.Length, text.Split('\n').Count(l => l.StartsWith("  - ", StringComparison.Ordinal)));
        Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= TextRenderer.Width, line));
    }
}
