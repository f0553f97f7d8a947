using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Conversation;

/// <summary>Per-user context: what a user said before completes what they ask next, and only for them.</summary>
public sealed class FollowUpTests
{
    /// <summary>The context the host would keep per user (the core keeps none).</summary>
    private readonly Dictionary<string, UserContext> _contexts = [];
    private readonly Assistant _assistant = new(Catalogues.BuiltIn());

    [Fact]
    public void A_self_introduction_fills_role_and_level_of_the_next_question()
    {
        Assert.Equal(Intent.RoleProfile, Ask("I'm a senior data scientist", "slack:U1").Intent);

        var answer = Ask("what about deep learning?", "slack:U1");

        Assert.Equal((Intent.Expectation, "Deep Learning", "Data Scientist", "Senior"), Summary(answer));
        Assert.Equal("Senior", answer.Current?.Level);
        Assert.Equal("Lead", answer.Next?.Level);
    }

    [Fact]
    public void A_bare_level_moves_the_level_and_keeps_the_rest()
    {
        Ask("I'm a senior data scientist", "u");
        Ask("what about deep learning?", "u");

        Assert.Equal((Intent.Expectation, "Deep Learning", "Data Scientist", "Lead"), Summary(Ask("and lead?", "u")));
        Assert.Equal((Intent.Expectation, "Deep Learning", "Data Scientist", "Junior"), Summary(Ask("what about L1", "u")));
    }

    [Fact]
    public void Next_and_previous_step_from_the_level_talked_about()
    {
        Ask("deep learning for a middle data scientist", "u");

        Assert.Equal((Intent.Expectation, "Deep Learning", "Data Scientist", "Senior"), Summary(Ask("what's next?", "u")));
        Assert.Equal((Intent.Expectation, "Deep Learning", "Data Scientist", "Lead"), Summary(Ask("and the next one?", "u")));
        Assert.Equal((Intent.Expectation, "Deep Learning", "Data Scientist", "Senior"), Summary(Ask("and the level below?", "u")));
        Assert.Equal(Missing.Role, Ask("what's next?", "someone else").Clarify?.Missing);
    }

    [Fact]
    public void A_bare_role_moves_the_role_and_keeps_the_rest()
    {
        Ask("deep learning for a middle data scientist", "u");

        Assert.Equal((Intent.Expectation, "Deep Learning", "LLM Engineer", "Middle"), Summary(Ask("and for an LLM engineer?", "u")));
    }

    [Fact]
    public void Compare_with_a_level_compares_against_the_last_one()
    {
        Ask("deep learning, senior data scientist", "u");

        var answer = Ask("compare with principal", "u");

        Assert.Equal((Intent.Compare, "Deep Learning", "Data Scientist", "Senior"), Summary(answer));
        Assert.Equal("Principal", answer.CompareTo);
    }

    [Fact]
    public void A_level_to_reach_is_compared_with_the_level_the_user_said_they_are_at()
    {
        Ask("I'm a middle data scientist", "u");

        var answer = Ask("how do I become a lead in deep learning?", "u");

        Assert.Equal((Intent.Compare, "Deep Learning", "Data Scientist", "Middle"), Summary(answer));
        Assert.Equal("Lead", answer.CompareTo);
    }

    [Fact]
    public void Answering_a_clarifying_question_completes_the_one_before()
    {
        var clarify = Ask("deep learning, senior", "u");
        Assert.Equal(Missing.Role, clarify.Clarify?.Missing);

        Assert.Equal((Intent.Expectation, "Deep Learning", "LLM Engineer", "Senior"), Summary(Ask("LLM engineer", "u")));

        Assert.Equal(Missing.Level, Ask("data scientist", "v").Clarify?.Missing);
        Assert.Equal((Intent.RoleProfile, null, "Data Scientist", "Principal"), Summary(Ask("principal", "v")));
    }

    [Fact]
    public void Another_user_is_not_affected()
    {
        Ask("I'm a senior data scientist", "slack:U1");
        Ask("I'm a junior LLM engineer", "teams:29:abc");

        Assert.Equal((Intent.Expectation, "Deep Learning", "Data Scientist", "Senior"), Summary(Ask("what about deep learning?", "slack:U1")));
        Assert.Equal((Intent.Expectation, "Deep Learning", "LLM Engineer", "Junior"), Summary(Ask("what about deep learning?", "teams:29:abc")));
        Assert.Equal((Intent.SkillOverview, "Deep Learning", null, null), Summary(Ask("what about deep learning?", "slack:U2")));
        Assert.Equal((Intent.SkillOverview, "Deep Learning", null, null), Summary(_assistant.Ask("what about deep learning?")));
    }

    [Fact]
    public void A_question_without_user_neither_reads_nor_writes_context()
    {
        _assistant.Ask("I'm a senior data scientist");

        Assert.Equal(Intent.SkillOverview, _assistant.Ask("what about deep learning?").Intent);
    }

    [Fact]
    public void An_overview_request_is_not_narrowed_to_the_remembered_level()
    {
        Ask("I'm a senior data scientist", "u");

        var answer = Ask("deep learning overview", "u");

        Assert.Equal(Intent.SkillOverview, answer.Intent);
        Assert.Null(answer.Level);
    }

    [Fact]
    public void An_unknown_skill_in_a_follow_up_is_not_replaced_by_the_last_one()
    {
        Ask("deep learning for a senior data scientist", "u");

        var answer = Ask("and kubernetes for lead?", "u");

        Assert.Equal((Intent.NotFound, null, "Data Scientist", "Lead"), Summary(answer));
    }

    [Fact]
    public void Content_free_text_keeps_the_context_for_later()
    {
        Ask("I'm a senior data scientist", "u");

        Assert.Equal(Intent.Help, Ask("thanks!", "u").Intent);
        Assert.Equal((Intent.Expectation, "Deep Learning", "Data Scientist", "Senior"), Summary(Ask("what about DL", "u")));
    }

    /// <summary>What the host does around the pure core: the user's context read before the turn, and written after when it changed.</summary>
    private Answer Ask(string text, string user)
    {
        var result = _assistant.Respond(Turn.Question("test", new ChatUser("test", null, user), text), _contexts.GetValueOrDefault(user));
        if (result.Remember is { } next)
        {
            _contexts[user] = next;
        }
        return result.Answer;
    }

    private static (Intent, string?, string?, string?) Summary(Answer answer) => (answer.Intent, answer.Skill, answer.Role, answer.Level);
}
