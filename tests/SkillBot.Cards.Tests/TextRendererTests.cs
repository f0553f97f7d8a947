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
    public void Marks_the_levels_and_fits_80_columns(string question, string first, string second)
    {
        var text = TextRenderer.Render(Assistant.Ask(question));
        Assert.Contains(first, text, StringComparison.Ordinal);
        Assert.Contains(second, text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= TextRenderer.Width, line));
    }
}
