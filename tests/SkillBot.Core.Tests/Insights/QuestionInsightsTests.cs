using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Core.Insights;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Insights;

public sealed class QuestionInsightsTests
{
    [Fact]
    public void Unanswered_and_clarify_questions_are_counted_normalised_and_answered_ones_are_not()
    {
        var insights = new QuestionInsights();
        var assistant = new Assistant(Catalogues.BuiltIn());
        Observe(insights, assistant, Turn.Question("slack", new ChatUser("slack", "T1", "U1"), "Kubernetes?"));
        Observe(insights, assistant, Turn.Question("teams", new ChatUser("teams", "t", "u2"), "kubernetes"));
        Observe(insights, assistant, Turn.Question("test", null, "senior deep learning"));
        Observe(insights, assistant, Turn.Question("test", null, "what does senior LLM engineer need in deep learning?"));

        var report = insights.Report();
        Assert.Equal([new AskedQuestion("kubernetes", "not_found", 2), new AskedQuestion("senior deep learning", "clarify", 1)], report.Unanswered);
        Assert.DoesNotContain(report.Unanswered, q => q.Question.Contains("U1", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Slack sends its escapes and mentions as they are: the insights keep the words, never "amp" or a user id.</summary>
    [Fact]
    public void An_unanswered_question_is_recorded_without_chat_markup_or_mentions()
    {
        var insights = new QuestionInsights();
        var assistant = new Assistant(Catalogues.BuiltIn());
        Observe(insights, assistant, Turn.Question("slack", new ChatUser("slack", "T1", "U1"), "<@U0SECRET> kubernetes &amp; helm"));

        var question = Assert.Single(insights.Report().Unanswered).Question;
        Assert.Equal("kubernetes helm", question);
    }

    [Fact]
    public void A_vote_is_counted_per_skill_role_and_level_and_answers_again()
    {
        var insights = new QuestionInsights();
        var assistant = new Assistant(Catalogues.BuiltIn());
        var answer = Observe(insights, assistant, Turn.Button("test", null, CardAction.Feedback("Deep Learning", "LLM Engineer", "Senior", null, useful: false)));
        Observe(insights, assistant, Turn.Button("test", null, CardAction.Feedback("Deep Learning", "LLM Engineer", "Senior", null, useful: true)));
        Observe(insights, assistant, Turn.Button("test", null, CardAction.Feedback("Deep Learning", "LLM Engineer", "Senior", null, useful: false)));

        Assert.Equal(Intent.Expectation, answer.Intent);
        Assert.StartsWith("Thanks for your feedback!", answer.Message, StringComparison.Ordinal);
        Assert.Equal([new Votes("Deep Learning", "LLM Engineer", "Senior", 1, 2)], insights.Report().Votes);
    }

    [Fact]
    public void A_vote_naming_what_the_catalogue_does_not_have_is_ignored_and_names_are_stored_canonically()
    {
        var insights = new QuestionInsights();
        var assistant = new Assistant(Catalogues.BuiltIn());
        var madeUp = new string('x', 2_000);
        for (var i = 0; i < 150; i++)
        {
            Observe(insights, assistant, Turn.Button("test", null, CardAction.Feedback("Deep Learning", "LLM Engineer", madeUp + i, null, useful: false)));
        }
        Observe(insights, assistant, Turn.Button("test", null, CardAction.Feedback("Kubernetes", "LLM Engineer", "Senior", null, useful: false)));
        Observe(insights, assistant, Turn.Button("test", null, CardAction.Feedback("Deep Learning", "Astronaut", "Senior", null, useful: false)));
        Observe(insights, assistant, Turn.Button("test", null, CardAction.Feedback("deep learning", "llm engineer", "senior", null, useful: true)));
        Observe(insights, assistant, Turn.Button("test", null, CardAction.Feedback("Deep Learning", null, null, null, useful: true)));

        Assert.Equal(
            [new Votes("Deep Learning", "LLM Engineer", "Senior", 1, 0), new Votes("Deep Learning", "-", "-", 1, 0)],
            insights.Report().Votes);
    }

    [Fact]
    public void An_unanswered_question_is_kept_at_a_bounded_length()
    {
        var insights = new QuestionInsights();
        var assistant = new Assistant(Catalogues.BuiltIn());
        Observe(insights, assistant, Turn.Question("test", null, string.Join(' ', Enumerable.Repeat("zzunknown", 100))));

        var entry = Assert.Single(insights.Report().Unanswered);
        Assert.Equal(QuestionInsights.MaxQuestionLength, entry.Question.Length);
    }

    [Fact]
    public void The_counts_are_bounded_and_the_rarest_entry_makes_room()
    {
        var insights = new QuestionInsights();
        var assistant = new Assistant(Catalogues.BuiltIn());
        Observe(insights, assistant, Turn.Question("test", null, "zzfrequent"));
        Observe(insights, assistant, Turn.Question("test", null, "zzfrequent"));
        for (var i = 0; i < QuestionInsights.MaxEntries + 50; i++)
        {
            Observe(insights, assistant, Turn.Question("test", null, $"unknownthing{i}"));
        }
        var report = insights.Report();
        Assert.Equal(QuestionInsights.MaxEntries, report.Unanswered.Count);
        Assert.Equal(new AskedQuestion("zzfrequent", "not_found", 2), report.Unanswered[0]);
    }

    /// <summary>What the host does with every turn the core answers: the insights observe it.</summary>
    private static Answer Observe(QuestionInsights insights, Assistant assistant, Turn turn)
    {
        var result = assistant.Respond(turn, null);
        insights.Observe(result);
        return result.Answer;
    }
}
