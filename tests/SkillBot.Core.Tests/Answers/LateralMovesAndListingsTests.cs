using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Core.Tests.Understanding;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Answers;

/// <summary>compare_roles and catalogue beyond the phrasing table: in a conversation, from buttons, and from forged buttons.</summary>
public sealed class LateralMovesAndListingsTests
{
    private readonly Assistant _assistant = new(Catalogues.BuiltIn());
    private UserContext? _context;

    private Answer Say(string text)
    {
        var result = _assistant.Respond(Turn.Question("test", new ChatUser("test", null, "u"), text), _context);
        _context = result.Remember ?? _context;
        return result.Answer;
    }

    private static (Intent, string?, string?, string?, string?, string?) Move(Answer a) => (a.Intent, a.Skill, a.Role, a.Level, a.CompareRole, a.CompareTo);

    [Fact]
    public void A_move_to_one_role_starts_from_the_role_and_level_the_person_said()
    {
        Say("I'm a senior data scientist");
        Assert.Equal((Intent.CompareRoles, null, "Data Scientist", "Senior", "LLM Engineer", "Senior"), Move(Say("what would change if I switched to LLM engineer?")));
        Assert.Equal((Intent.CompareRoles, null, "Data Scientist", "Senior", "LLM Engineer", "Lead"), Move(Say("and if I moved to lead LLM engineer?")));
    }

    [Fact]
    public void A_lateral_move_without_a_level_takes_the_level_talked_about_for_both_roles()
    {
        Say("deep learning for a middle data scientist");
        Assert.Equal((Intent.CompareRoles, "Deep Learning", "Data Scientist", "Middle", "LLM Engineer", "Middle"), Move(Say("data scientist vs LLM engineer")));
    }

    [Fact]
    public void A_clarified_level_of_a_lateral_move_answers_it_at_that_level()
    {
        var asked = _assistant.Ask("moving from data scientist to LLM engineer");
        Assert.Equal((Intent.Clarify, Missing.Level), (asked.Intent, asked.Clarify!.Missing));
        var answer = _assistant.Act(CardAction.Move(null, asked.Role!, "Lead", asked.CompareRole!, "Lead"));
        Assert.Equal((Intent.CompareRoles, null, "Data Scientist", "Lead", "LLM Engineer", "Lead"), Move(answer));
        AnswerContract.Check(answer, _assistant.Catalogue);
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("ok, lead")]
    [InlineData("L4")]
    public void A_level_typed_in_reply_to_a_moves_which_level_completes_the_move(string reply)
    {
        var asked = Say("moving from data scientist to LLM engineer");
        Assert.Equal((Intent.Clarify, Missing.Level), (asked.Intent, asked.Clarify!.Missing));
        Assert.Equal((Intent.CompareRoles, null, "Data Scientist", "Lead", "LLM Engineer", "Lead"), Move(Say(reply)));
        Assert.Null(_context!.Person); // the reply is the move's level, not who the person is
    }

    [Fact]
    public void A_level_typed_in_reply_to_which_level_of_the_other_track_completes_the_move_across_tracks()
    {
        var tracked = new Assistant(TrackedCatalogue.Load());
        var host = new ConversationHost(tracked);
        var asked = host.Say("engineering manager code review from L5 software engineer");
        Assert.Equal((Intent.Clarify, Missing.Level), (asked.Intent, asked.Clarify!.Missing));
        Assert.StartsWith("Which level of Engineering Manager:", asked.Message, StringComparison.Ordinal);
        var answer = host.Say("director");
        Assert.Equal((Intent.CompareRoles, TrackedCatalogue.CodeReview, TrackedCatalogue.Swe, "Staff Engineer", TrackedCatalogue.Em, "Director"), Move(answer));
        AnswerContract.Check(answer, tracked.Catalogue);
        Assert.Null(host.Context!.Person);

        // Anything else than a level is a new question, not the move.
        host.Say("engineering manager code review from L5 software engineer");
        Assert.Equal(Intent.Expectation, host.Say("code review for a director EM").Intent);
    }

    [Fact]
    public void Each_role_keeps_its_own_level_even_when_the_move_is_downwards()
    {
        var answer = _assistant.Act(CardAction.Move("Deep Learning", "LLM Engineer", "Principal", "Data Scientist", "Junior"));
        Assert.Equal((Intent.CompareRoles, "Deep Learning", "LLM Engineer", "Principal", "Data Scientist", "Junior"), Move(answer));
        Assert.Equal("Principal", answer.Current!.Level);
        Assert.Equal("Junior", answer.Next!.Level);
        AnswerContract.Check(answer, _assistant.Catalogue);
    }

    [Fact]
    public void A_move_between_roles_of_which_one_lacks_the_skill_shows_the_gap()
    {
        var confusable = new Assistant(ConfusableCatalogue.Load());
        var answer = confusable.Ask("senior product manager vs senior data scientist in statistics");
        Assert.Equal((Intent.CompareRoles, "Statistics", ConfusableCatalogue.ProductManager, "Senior", "Data Scientist", "Senior"), Move(answer));
        Assert.Null(answer.Current);
        Assert.NotNull(answer.Next);
        Assert.All(answer.Next.Segments!, s => Assert.True(s.Added)); // all of it is what the other role asks
        Assert.Contains("has no expectation", answer.Message, StringComparison.Ordinal);
        AnswerContract.Check(answer, confusable.Catalogue);

        var neither = confusable.Ask("senior product manager vs senior data engineer in statistics");
        Assert.Equal(Intent.NotFound, neither.Intent);
        Assert.Equal(["Data Scientist"], neither.Suggestions);
    }

    [Fact]
    public void Skill_by_skill_the_move_lists_every_skill_either_role_has()
    {
        var confusable = new Assistant(ConfusableCatalogue.Load());
        var answer = confusable.Ask("from senior data engineer to senior ML engineer");
        var items = answer.Items.Cast<ProfileItem>().ToList();
        Assert.Contains(items, i => i.Current is null && i.Next is not null); // only the ML engineer's
        Assert.Contains(items, i => i.Current is not null && i.Next is null); // only the data engineer's
        AnswerContract.Check(answer, confusable.Catalogue);
    }

    [Theory]
    [InlineData("what skills do I need as a data scientist?")]
    [InlineData("list all skills for kubernetes")]
    [InlineData("which skills does a senior LLM engineer need?")]
    [InlineData("我需要哪些技能？")]
    [InlineData("高级数据科学家有哪些技能？")]
    public void A_question_about_oneself_an_unknown_name_or_a_level_is_not_a_listing(string question) =>
        Assert.NotEqual(Intent.Catalogue, _assistant.Ask(question).Intent);

    [Fact]
    public void A_listing_does_not_change_who_the_person_is_nor_the_topic()
    {
        Say("I'm a senior data scientist");
        var before = _context;
        Assert.Equal(Intent.Catalogue, Say("what roles are there?").Intent);
        Assert.Equal(before, _context);
        Assert.Equal(Intent.Catalogue, Say("which skills does an LLM engineer have?").Intent);
        Assert.Equal(before, _context);
    }

    [Theory]
    [InlineData("skills", "Quantum Computing", null)]
    [InlineData("skills", null, "Staff Engineer")]
    [InlineData("everything", null, null)]
    public void A_forged_listing_button_names_what_the_catalogue_lacks_instead_of_guessing(string list, string? domain, string? role)
    {
        var answer = _assistant.Act(new CardAction(CardAction.AnswerVerb, Role: role, Domain: domain, List: list));
        Assert.Equal(Intent.NotFound, answer.Intent);
        AnswerContract.Check(answer, _assistant.Catalogue);
    }

    [Fact]
    public void A_forged_move_to_a_role_the_catalogue_lacks_or_a_name_too_long_is_refused()
    {
        Assert.Equal(Intent.NotFound, _assistant.Act(CardAction.Move(null, "Data Scientist", "Senior", "Astronaut", "Senior")).Intent);
        var huge = new string('x', 100_000);
        var refused = _assistant.Act(new CardAction(CardAction.AnswerVerb, List: huge));
        Assert.Equal(Intent.Help, refused.Intent);
        Assert.DoesNotContain(huge, refused.Message, StringComparison.Ordinal);
        Assert.Equal(Intent.Help, _assistant.Act(CardAction.Move(null, "Data Scientist", "Senior", huge, "Senior")).Intent);
    }

    [Fact]
    public void Feedback_on_a_listing_or_a_move_answers_the_same_again()
    {
        var listing = _assistant.Act(new CardAction(CardAction.FeedbackVerb, Vote: CardAction.Up, List: "roles"));
        Assert.Equal(Intent.Catalogue, listing.Intent);
        Assert.StartsWith("Thanks for your feedback!", listing.Message, StringComparison.Ordinal);
        var move = _assistant.Act(CardAction.Feedback(null, "Data Scientist", "Senior", "Lead", useful: false) with { CompareRole = "LLM Engineer" });
        Assert.Equal((Intent.CompareRoles, null, "Data Scientist", "Senior", "LLM Engineer", "Lead"), Move(move));
    }

    [Fact]
    public void On_2000_skills_a_listing_narrowed_by_domain_or_role_has_exactly_those_skills()
    {
        var catalogue = GeneratedCatalogue.Generate().Load();
        var assistant = new Assistant(catalogue);
        foreach (var domain in catalogue.Domains)
        {
            var answer = assistant.Act(CardAction.Listing("skills", domain: domain));
            Assert.Equal(catalogue.SkillsIn(domain).Select(s => s.Name), answer.Items.Cast<SkillListItem>().Select(i => i.Skill));
        }
        var role = catalogue.Roles[0];
        var ofRole = assistant.Ask($"which skills does a {role.Name} have?");
        Assert.Equal((Intent.Catalogue, role.Name), (ofRole.Intent, ofRole.Role));
        AnswerContract.Check(ofRole, catalogue);
        Assert.Equal(catalogue.SkillsOf(role).Length, ofRole.Items.Count);
    }
}
