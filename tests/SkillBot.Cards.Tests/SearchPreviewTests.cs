using SkillBot.Cards.Adaptive;
using SkillBot.Core;
using SkillBot.Testing;

namespace SkillBot.Cards.Tests;

public sealed class SearchPreviewTests
{
    [Fact]
    public void An_expectation_is_listed_by_its_names_its_step_and_its_text()
    {
        var preview = SearchPreview.Of(new Assistant(Catalogues.BuiltIn()).Ask("senior data scientist deep learning"));
        Assert.Equal("Deep Learning · Data Scientist · Senior", preview.Title);
        Assert.Equal("Senior → Lead", preview.Subtitle);
        Assert.StartsWith(preview.Text.TrimEnd('…'), new Assistant(Catalogues.BuiltIn()).Ask("senior data scientist deep learning").Current!.Description);
    }

    [Fact]
    public void Every_preview_of_a_long_text_catalogue_is_cut_at_a_word_within_the_limit()
    {
        var catalogue = LongTextCatalogue.Build();
        foreach (var answer in SampleAnswers.For(catalogue))
        {
            var preview = SearchPreview.Of(answer);
            var full = answer.Current?.Description ?? answer.Message;
            Assert.InRange(preview.Text.Length, 1, SearchPreview.MaxText);
            if (full.Length > SearchPreview.MaxText)
            {
                Assert.EndsWith(TextFit.Ellipsis, preview.Text);
                Assert.StartsWith(preview.Text[..^TextFit.Ellipsis.Length], full);
            }
            else
            {
                Assert.Equal(full, preview.Text);
            }
        }
    }
}
