using System.Runtime.CompilerServices;
using System.Text.Json;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Gate;
using SkillBot.Testing;

namespace SkillBot.Tests.Gate;

public sealed class AnsweredTurnsTests
{
    private const string Seed = "what does senior data scientist need in deep learning?";

    private static Turn Question(string text) => Turn.Question("test", null, text);

    private static string Json(Answer answer) => JsonSerializer.Serialize(answer, AnswerJsonContext.Default.Answer);

    [Fact]
    public void A_question_asked_again_in_the_same_context_gets_the_result_worked_out_the_first_time()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        using var answered = new AnsweredTurns(assistant);
        var context = new UserContext(new Person("Data Scientist", "Middle"), null);

        var first = answered.Respond(Question(Seed), context);
        var again = answered.Respond(Question(Seed), context with { });

        Assert.Same(first.Answer, again.Answer);
        Assert.Equal(first.Remember, again.Remember);
        var fresh = assistant.Respond(Question(Seed), context);
        Assert.Equal(Json(fresh.Answer), Json(again.Answer));
        Assert.Equal(fresh.Remember, again.Remember);
    }

    [Theory]
    [InlineData("and for lead?")]
    [InlineData("how do I get promoted?")]
    [InlineData("what about LLM engineer?")]
    public void A_follow_up_is_answered_in_each_persons_own_context(string followUp)
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        using var answered = new AnsweredTurns(assistant);
        var scientist = assistant.Respond(Question("I'm a middle data scientist"), null).Remember;
        var engineer = assistant.Respond(Question("I'm a junior LLM engineer"), null).Remember;

        foreach (var context in new[] { scientist, engineer, scientist, engineer })
        {
            var result = answered.Respond(Question(followUp), context);
            var fresh = assistant.Respond(Question(followUp), context);
            Assert.Equal(Json(fresh.Answer), Json(result.Answer));
            Assert.Equal(fresh.Remember, result.Remember);
        }
        Assert.NotEqual(Json(answered.Respond(Question(followUp), scientist).Answer), Json(answered.Respond(Question(followUp), engineer).Answer));
    }

    [Fact]
    public void A_new_catalogue_is_answered_from_itself_even_before_the_cache_is_cleared()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        using var answered = new AnsweredTurns(assistant);
        var before = answered.Respond(Question(Seed), null).Answer;

        assistant.Use(Catalogues.BuiltInEdited("multi-task learning", "multi-objective learning"));
        var after = answered.Respond(Question(Seed), null).Answer;

        Assert.Contains("multi-task learning", before.Current!.Description, StringComparison.Ordinal);
        Assert.Contains("multi-objective learning", after.Current!.Description, StringComparison.Ordinal);
        Assert.Equal(assistant.Catalogue.Version, after.CatalogueVersion);
        Assert.NotEqual(before.CatalogueVersion, after.CatalogueVersion);
    }

    [Fact]
    public void A_button_is_answered_by_the_core_each_time_it_is_pressed()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        using var answered = new AnsweredTurns(assistant);
        var vote = Turn.Button("test", null, CardAction.Feedback("Deep Learning", "Data Scientist", "Senior", null, useful: true));

        var first = answered.Respond(vote, null);
        var again = answered.Respond(vote, null);

        Assert.NotNull(first.Feedback);
        Assert.NotNull(again.Feedback);
        Assert.NotSame(first.Answer, again.Answer);
    }

    [Fact]
    public void A_long_list_counts_by_its_items_against_the_bound()
    {
        var assistant = new Assistant(GeneratedCatalogue.Generate().Load());
        using var answered = new AnsweredTurns(assistant);
        var listing = answered.Respond(Question("what skills are there?"), null).Answer;
        Assert.True(listing.Items.Count >= 1_000, $"the listing has {listing.Items.Count} items");

        for (var n = 0; n < 40; n++)
        {
            answered.Respond(Question("what skills are there?" + new string('?', n)), null);
        }

        Assert.InRange(answered.Count, 1, AnsweredTurns.SizeLimit / (1 + listing.Items.Count));
    }

    [Fact]
    public void Once_cleared_after_a_swap_no_result_keeps_the_old_catalogue_in_memory()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        using var answered = new AnsweredTurns(assistant);
        var old = AskedOnACatalogueOfItsOwn(assistant, answered);

        assistant.Use(Catalogues.BuiltIn());
        answered.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(old.IsAlive, "a kept result still holds the catalogue served before the swap");
        Assert.Equal(assistant.Catalogue.Version, answered.Respond(Question(Seed), null).Answer.CatalogueVersion);
    }

    [Fact]
    public async Task Questions_asked_while_catalogues_are_swapped_end_on_the_served_one()
    {
        var assistant = new Assistant(Catalogues.BuiltIn());
        using var answered = new AnsweredTurns(assistant);
        SkillCatalogue[] catalogues = [Catalogues.BuiltInEdited("multi-task learning", "multi-objective learning"), Catalogues.BuiltIn()];
        string[] questions = [Seed, "deep learning overview", "I'm a lead data scientist", "and for principal?", "hello"];
        var versions = catalogues.Select(c => c.Version).ToHashSet(StringComparer.Ordinal);
        var swapping = true;

        var askers = Enumerable.Range(0, 3).Select(n => Task.Run(() =>
        {
            for (var i = n; Volatile.Read(ref swapping); i++)
            {
                Assert.Contains(answered.Respond(Question(questions[i % questions.Length]), null).Answer.CatalogueVersion, versions);
            }
        })).ToArray();
        for (var swap = 0; swap < 200; swap++)
        {
            assistant.Use(catalogues[swap % 2]);
            answered.Clear();
        }
        Volatile.Write(ref swapping, false);
        await Task.WhenAll(askers);

        foreach (var question in questions)
        {
            Assert.Equal(catalogues[1].Version, answered.Respond(Question(question), null).Answer.CatalogueVersion);
        }
    }

    /// <summary>Serves a catalogue made here and asks on it, so that nothing but the cache may keep it alive after.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AskedOnACatalogueOfItsOwn(Assistant assistant, AnsweredTurns answered)
    {
        var catalogue = Catalogues.BuiltInEdited("multi-task learning", "multi-objective learning");
        assistant.Use(catalogue);
        answered.Respond(Question(Seed), null);
        answered.Respond(Question("I'm a lead data scientist"), null);
        return new WeakReference(catalogue);
    }
}
