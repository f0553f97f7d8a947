using SkillBot.Cards.Text;
using SkillBot.Core;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

public sealed class TextRendererTests
{
    private static readonly Assistant Assistant = new(Catalogues.BuiltIn());

    [Theory]
    [InlineData("what does senior LLM engineer need in deep learning?", "[Senior] (current)", "[Lead] (next)")]
    [InlineData("deep learning principal ds", "[Principal] (current)", "top of the ladder")]
    [InlineData("middle vs lead llm engineer deep learning", "[Middle] (from)", "[Lead] (goal)")]
    [InlineData("deep learning overview", "## Data Scientist", "## LLM Engineer")]
    [InlineData("senior", "- Data Scientist", "- LLM Engineer")]
    public void Marks_the_levels_and_fits_80_columns(string question, string first, string second)
    {
        var text = TextRenderer.Render(Assistant.Ask(question));
        Assert.Contains(first, text, StringComparison.Ordinal);
        Assert.Contains(second, text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= TextRenderer.Width, line));
    }
}
