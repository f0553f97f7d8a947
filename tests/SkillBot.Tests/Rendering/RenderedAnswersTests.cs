using System.Text;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Rendering;
using SkillBot.Testing;

namespace SkillBot.Tests.Rendering;

public sealed class RenderedAnswersTests
{
    private const string Seed = "what does senior LLM engineer need in deep learning?";

    private readonly RenderedAnswers _rendered = new();
    private int _renders;

    private byte[] Render(Answer answer)
    {
        _renders++;
        return Encoding.UTF8.GetBytes(answer.Message);
    }

    [Fact]
    public void The_same_answer_asked_again_is_rendered_once_per_channel()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var first = _rendered.Get("slack", assistant.Ask(Seed), Render);
        var again = _rendered.Get("slack", assistant.Ask(Seed), Render);
        Assert.Same(first, again);
        Assert.Equal(1, _renders);

        _rendered.Get("teams", assistant.Ask(Seed), Render);
        Assert.Equal(2, _renders);
    }

    [Fact]
    public void Different_answers_and_languages_are_rendered_apart()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        _rendered.Get("slack", assistant.Ask(Seed), Render);
        _rendered.Get("slack", assistant.Ask("what does lead LLM engineer need in deep learning?"), Render);
        _rendered.Get("slack", assistant.Ask(Seed) with { Language = "zh" }, Render);
        Assert.Equal(3, _renders);
    }

    [Fact]
    public void A_changed_catalogue_is_never_answered_with_a_rendering_of_the_old_one()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var before = _rendered.Get("slack", assistant.Ask(Seed), answer => Encoding.UTF8.GetBytes(answer.Current!.Description));

        assistant.Use(Catalogues.BuiltInEdited("Designs custom training loops", "Designs bespoke training loops"));
        var after = _rendered.Get("slack", assistant.Ask(Seed), answer => Encoding.UTF8.GetBytes(answer.Current!.Description));

        Assert.Contains("custom training loops", Encoding.UTF8.GetString(before));
        Assert.Contains("bespoke training loops", Encoding.UTF8.GetString(after));
    }

    [Fact]
    public void The_cache_is_bounded_and_forgets_renderings_past_its_size()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var megabyte = new byte[1024 * 1024];
        var answers = Enumerable.Range(0, 2 * (int)(RenderedAnswers.SizeLimitBytes / megabyte.Length))
            .Select(i => assistant.Ask(Seed) with { Question = $"question {i}" })
            .ToList();
        foreach (var answer in answers)
        {
            Assert.Same(megabyte, _rendered.Get("slack", answer, _ => { _renders++; return megabyte; }));
        }
        Assert.Equal(answers.Count, _renders);

        // Twice the limit was offered: at most half of it can still be there, so asking all again renders again.
        foreach (var answer in answers)
        {
            _rendered.Get("slack", answer, _ => { _renders++; return megabyte; });
        }
        Assert.True(_renders - answers.Count >= answers.Count / 2, $"{_renders - answers.Count} of {answers.Count} rendered again");
    }
}
