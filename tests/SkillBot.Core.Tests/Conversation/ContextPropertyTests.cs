using CsCheck;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Conversation;

/// <summary>
/// Whatever was said before: a hypothetical, a comparison or a question about someone else never changes who the
/// person is, and help, thanks and greetings never change what is remembered at all.
/// </summary>
public sealed class ContextPropertyTests
{
    private static readonly Assistant BuiltIn = new(Catalogues.BuiltIn());
    private static readonly Assistant Confusable = new(ConfusableCatalogue.Load());

    /// <summary>Questions about levels and roles one is not (yet): {L} a level, {R} a role, {S} a skill, by name or alias.</summary>
    private static readonly string[] Hypotheticals =
    [
        "am I ready for {L}?", "what about {L}?", "what about {R}?", "and for {L}?", "ok and {R}?", "{L} vs {L}", "{L} vs {L} {R}",
        "what if I'm a {L}?", "what if i was a {L} {R}", "suppose I'm a {L} {R}", "if i were a {R} what about {S}?",
        "how do I become a {L}?", "how do I get to {L}?", "what does a {L} {R} need in {S}?", "{S} for a {L} {R}",
        "compare with {L}", "{S}: {L} -> {L}", "what would a {L} need in {S}", "am I ready for {L} {R}?",
        "how do I get promoted to {L}?", "what's next for me?", "how do I get promoted?", "what should I learn next?",
        "what do I need for {L}?", "{S}", "{S} overview", "and the level below?", "what's next?",
        "difference between {L} and {L} {R} in {S}", "when I'm {L}, what do I need in {S}?", "im curious about {L} {R}",
        "I'm asking for a {L} {R}", "how is a {L} {R} different from a {L} one?",
        "what if I switched to {R}?", "{R} vs {R} at {L}", "moving from a {L} {R} to {R}", "from {R} to {L} {R}",
        "what would change if I moved to {L} {R}?",
    ];

    /// <summary>Text that asks for nothing: help, thanks, greetings, noise.</summary>
    private static readonly string[] Courtesies =
    [
        "help", "HELP", "thanks", "thx", "ty", "thank you!", "thanks a lot", "hi", "hello", "hey there", "good morning", "cheers",
        "ok thanks, bye", "🙂👍", "", "   ", "<@U123ABC>", "<at>SkillBot</at> hi", "please help me", "what can you do?", "帮助",
        "谢谢！", "你好", "?!?", "ok", "cool, thx", "bye", "lol", "hahaha", "哈哈", "thanks lol", "hmmm",
    ];

    [Fact]
    public void A_hypothetical_never_changes_the_person_on_the_built_in_catalogue() => HypotheticalsKeepThePerson(BuiltIn);

    [Fact]
    public void A_hypothetical_never_changes_the_person_on_the_confusable_catalogue() => HypotheticalsKeepThePerson(Confusable);

    /// <summary>"senior", "lead DS": who the person is only as the reply to asking them; otherwise the topic moves.</summary>
    private static readonly string[] BareNames = ["{R}", "{L}", "{L} {R}", "ok {R}", "{R}, {L}", "{R} lol", "{L} {R} haha"];

    [Fact]
    public void A_bare_name_changes_the_person_only_as_the_reply_to_asking_who_they_are()
    {
        foreach (var assistant in new[] { BuiltIn, Confusable })
        {
            Gen.Select(Contexts(assistant.Catalogue), Question(assistant.Catalogue, BareNames)).Sample((context, reply) =>
            {
                var result = assistant.Respond(Turn.Question("api", new ChatUser("api", null, "ann"), reply), context);
                var person = (result.Remember ?? context).Person;
                if (context.Topic is not { AboutSelf: true, AskedBack: true })
                {
                    Assert.True(person == context.Person, $"\"{reply}\" changed {context.Person} to {person} (from {context})");
                }
            }, iter: 2000);
        }
    }

    [Fact]
    public void Help_thanks_and_greetings_never_change_the_context_on_the_built_in_catalogue() => CourtesiesKeepTheContext(BuiltIn);

    [Fact]
    public void Help_thanks_and_greetings_never_change_the_context_on_the_confusable_catalogue() => CourtesiesKeepTheContext(Confusable);

    private static void HypotheticalsKeepThePerson(Assistant assistant)
    {
        var catalogue = assistant.Catalogue;
        Gen.Select(Contexts(catalogue), Question(catalogue, Hypotheticals).Array[1, 6]).Sample((context, questions) =>
        {
            var person = context.Person;
            var now = context;
            foreach (var question in questions)
            {
                var result = assistant.Respond(Turn.Question("slack", new ChatUser("slack", "T1", "U1"), question), now);
                now = result.Remember ?? now;
                Assert.True(now.Person == person, $"\"{question}\" changed {person} to {now.Person} (from {context})");
            }
        }, iter: 3000);
    }

    private static void CourtesiesKeepTheContext(Assistant assistant) =>
        Gen.Select(Contexts(assistant.Catalogue), Gen.OneOfConst(Courtesies)).Sample((context, text) =>
        {
            var result = assistant.Respond(Turn.Question("teams", new ChatUser("teams", "tenant", "29:u"), text), context);
            Assert.Equal(Intent.Help, result.Answer.Intent);
            Assert.Null(result.Remember);
        }, iter: 2000);

    /// <summary>Any context a conversation could leave, odd ones included (names of another catalogue, a comparison upside down).</summary>
    private static Gen<UserContext> Contexts(SkillCatalogue catalogue)
    {
        var role = Gen.OneOfConst([null, "Staff Engineer", .. catalogue.Roles.Select(r => r.Name)]);
        var level = Gen.OneOfConst([null, "Level 9", .. catalogue.Levels.Select(l => l.Name)]);
        var skill = Gen.OneOfConst([null, "Kubernetes", .. catalogue.Skills.Select(s => s.Name)]);
        var person = Gen.Select(role, level).Select(p => p is (null, null) ? null : new Person(p.Item1, p.Item2));
        var topic = Gen.Select(Gen.Select(skill, role, level, level), Gen.Bool, Gen.Bool, Gen.Bool, role)
            .Select((names, promotion, self, asked, other) => new Topic(names.Item1, names.Item2, names.Item3, names.Item4)
            {
                Promotion = promotion, AboutSelf = self, AskedBack = asked, CompareRole = other,
            });
        return Gen.Select(person, Gen.Frequency((1, Gen.Const((Topic?)null)), (4, topic.Select(t => (Topic?)t))))
            .Select((p, t) => new UserContext(p, t));
    }

    /// <summary>A template filled with the catalogue's names and aliases, in any case.</summary>
    private static Gen<string> Question(SkillCatalogue catalogue, string[] templates)
    {
        var roles = catalogue.Roles.SelectMany(r => r.Aliases.Prepend(r.Name)).ToArray();
        var levels = catalogue.Levels.SelectMany(l => l.Aliases.Prepend(l.Name)).ToArray();
        var skills = catalogue.Skills.SelectMany(s => s.Aliases.Prepend(s.Name)).ToArray();
        return Gen.Select(Gen.OneOfConst(templates), Gen.Int.Array[6], Gen.Bool).Select((template, picks, lower) =>
        {
            var k = 0;
            string Next(string[] names) => names[(picks[k++ % picks.Length] & int.MaxValue) % names.Length];
            var text = template;
            foreach (var (slot, names) in new[] { ("{L}", levels), ("{R}", roles), ("{S}", skills) })
            {
                int at;
                while ((at = text.IndexOf(slot, StringComparison.Ordinal)) >= 0)
                {
                    text = string.Concat(text.AsSpan(0, at), Next(names), text.AsSpan(at + slot.Length));
                }
            }
            return lower ? text.ToLowerInvariant() : text;
        });
    }
}
