using SkillBot.Core.Answers;

namespace SkillBot.Core.Tests.Answers;

public sealed class WordDiffTests
{
    [Theory]
    [InlineData("a b c", "a b c")]
    [InlineData("", "anything new")]
    [InlineData("old text", "")]
    [InlineData("  spaced   out ", " spaced\tout  more\n")]
    [InlineData("Designs complex models.", "Designs complex models. Mentors the team.")]
    public void Segments_concatenate_to_exactly_the_higher_text(string lower, string higher)
    {
        var segments = WordDiff.Added(lower, higher);
        Assert.Equal(higher, string.Concat(segments.Select(s => s.Text)));
        Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.NotEqual(pair.First.Added, pair.Second.Added));
    }

    [Fact]
    public void Words_the_lower_text_has_are_not_marked_and_new_ones_are()
    {
        var segments = WordDiff.Added(
            "Trains models with PyTorch. Reviews code.",
            "Trains models with PyTorch, mixed precision and distributed training. Reviews code.");
        Assert.Equal(
            [("Trains models with PyTorch, ", false), ("mixed precision and distributed training. ", true), ("Reviews code.", false)],
            segments.Select(s => (s.Text, s.Added)));
    }

    [Fact]
    public void Comparison_ignores_case_and_surrounding_punctuation()
    {
        var segments = WordDiff.Added("(Mentors) the TEAM", "mentors the team!");
        Assert.All(segments, s => Assert.False(s.Added));
    }

    [Fact]
    public void A_shared_word_between_new_words_is_part_of_the_new_phrase()
    {
        var segments = WordDiff.Added("Uses the GPU.", "Plans fleets of the cluster with budgets.");
        Assert.Equal([("Plans fleets of the cluster with budgets.", true)], segments.Select(s => (s.Text, s.Added)));
    }
}
