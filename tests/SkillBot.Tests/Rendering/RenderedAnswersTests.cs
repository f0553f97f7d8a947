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
    public void A_profile_asked_again_is_rendered_once_and_another_level_apart()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var first = _rendered.Get("slack", assistant.Ask("I'm a senior data scientist"), Render);
        Assert.Same(first, _rendered.Get("slack", assistant.Ask("I'm a senior data scientist"), Render));
        Assert.Equal(1, _renders);

        _rendered.Get("slack", assistant.Ask("I'm a lead data scientist"), Render);
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
    public void Answers_that_differ_in_any_field_however_deep_are_rendered_apart()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        var seed = assistant.Ask(Seed);
        var profile = assistant.Ask("I'm a senior data scientist");
        var ladder = assistant.Ask("deep learning overview");
        var clarify = assistant.Ask("senior deep learning");
        Assert.Equal((Intent.RoleProfile, Intent.SkillOverview, Intent.Clarify), (profile.Intent, ladder.Intent, clarify.Intent));
        var firstRung = (LadderItem)ladder.Items[0];
        var firstSkill = (ProfileItem)profile.Items[0];
        var variants = new (string Field, Answer Answer, Answer Variant)[]
        {
            ("Question", seed, seed with { Question = seed.Question + "?" }),
            ("Intent", seed, seed with { Intent = Intent.Compare }),
            ("Domain", seed, seed with { Domain = "Other" }),
            ("Skill", seed, seed with { Skill = "Other" }),
            ("Role", seed, seed with { Role = "Other" }),
            ("Level", seed, seed with { Level = "Lead" }),
            ("CompareTo", seed, seed with { CompareTo = "Lead" }),
            ("Current", seed, seed with { Current = seed.Current! with { Description = "Other" } }),
            ("Next", seed, seed with { Next = seed.Next! with { Segments = [.. seed.Next.Segments!.Select(s => s with { Added = !s.Added })] } }),
            ("Items", profile, profile with { Items = [firstSkill with { Next = firstSkill.Next! with { Description = "Other" } }, .. profile.Items.Skip(1)] }),
            ("Items", ladder, ladder with { Items = [firstRung with { Description = "Other" }, .. ladder.Items.Skip(1)] }),
            ("Clarify", clarify, clarify with { Clarify = clarify.Clarify! with { Options = [.. clarify.Clarify.Options.Reverse()] } }),
            ("Suggestions", seed, seed with { Suggestions = ["Other"] }),
            ("Message", seed, seed with { Message = "Other" }),
            ("Updated", seed, seed with { Updated = null }),
            ("CatalogueVersion", seed, seed with { CatalogueVersion = "other" }),
            ("Language", seed, seed with { Language = "zh" }),
            ("CompareRole", seed, seed with { CompareRole = "Data Scientist" }),
            ("Track", seed, seed with { Track = "Management" }),
            ("Owners", seed, seed with { Owners = ["U0123ABCD"] }),
            ("Current", seed with { Current = seed.Current! with { Examples = ["One"] } }, seed with { Current = seed.Current! with { Examples = ["Other"] } }),
            ("Items", ladder with { Items = [firstRung with { Examples = ["One"] }, .. ladder.Items.Skip(1)] },
                ladder with { Items = [firstRung with { Examples = ["Other"] }, .. ladder.Items.Skip(1)] }),
            ("Items", seed with { Intent = Intent.Catalogue, Items = [new SkillListItem("A", "D", ["R"])] },
                seed with { Intent = Intent.Catalogue, Items = [new SkillListItem("A", "D", ["Other"])] }),
            ("Items", seed with { Intent = Intent.Catalogue, Items = [new RoleListItem("R", ["A"])] },
                seed with { Intent = Intent.Catalogue, Items = [new RoleListItem("R", ["Other"])] }),
            ("Items", seed with { Intent = Intent.Catalogue, Items = [new LevelListItem("Senior")] },
                seed with { Intent = Intent.Catalogue, Items = [new LevelListItem("Lead")] }),
            ("Items", seed with { Intent = Intent.Changes, Items = [new ChangeItem(Change.Changed, "A", "R", "Senior", "old", "new")] },
                seed with { Intent = Intent.Changes, Items = [new ChangeItem(Change.Changed, "A", "R", "Senior", "old", "newer")] }),
            ("Ladder", seed, seed with { Ladder = seed.Ladder with { Roles = [.. seed.Ladder.Roles.Reverse()] } }),
            ("Ladder", seed with { Ladder = seed.Ladder with { TrackSwitches = [new TrackSwitch("Management", "Engineering Manager", "M4")] } },
                seed with { Ladder = seed.Ladder with { TrackSwitches = [new TrackSwitch("Management", "Engineering Manager", "M5")] } }),
            ("Items", ladder with { Items = [firstRung with { Track = "IC" }, .. ladder.Items.Skip(1)] },
                ladder with { Items = [firstRung with { Track = "Management" }, .. ladder.Items.Skip(1)] }),
        };
        // A field added to answers must be added here, and to the key.
        Assert.Equal(typeof(Answer).GetProperties().Select(p => p.Name).Order(), variants.Select(v => v.Field).Distinct().Order());
        foreach (var (field, answer, variant) in variants)
        {
            var before = _renders;
            _rendered.Get(field, answer, Render);
            _rendered.Get(field, variant, Render);
            _rendered.Get(field, answer with { }, Render);
            Assert.True(_renders - before == 2, $"{field}: {_renders - before} renders");
        }
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
