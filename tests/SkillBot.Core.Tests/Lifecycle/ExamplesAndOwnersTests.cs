using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Testing;

namespace SkillBot.Core.Tests.Lifecycle;

/// <summary>Catalogue format 1.1's <c>examples:</c> and <c>owners:</c>: validated where they are written, carried into every answer.</summary>
public sealed class ExamplesAndOwnersTests
{
    private static string[] Problems(string skillYaml)
    {
        var result = CatalogueLoader.Load([new CatalogueFile("skills/dl.yaml", skillYaml)]);
        Assert.False(result.Succeeded);
        return [.. result.Problems.Select(p => p.ToString())];
    }

    private static SkillCatalogue Loads(string skillYaml)
    {
        var result = CatalogueLoader.Load([new CatalogueFile("skills/dl.yaml", skillYaml)]);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Catalogue!;
    }

    [Fact]
    public void Examples_and_owners_load_as_written()
    {
        var catalogue = Loads("""
            skill: Deep Learning
            domain: ML
            owners: [U0123ABCD, W0ABCDEF12, "29:1a2B3c4D5e6F", 6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c, ana@example.com]
            roles:
              Data Scientist:
                Middle:
                  description: Trains models.
                  examples:
                    - Took a churn model from notebook to a nightly production job.
                    - "  Tuned dropout by search.  "
            """);
        var skill = catalogue.Skills[0];
        Assert.Equal<string>(["U0123ABCD", "W0ABCDEF12", "29:1a2B3c4D5e6F", "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c", "ana@example.com"], skill.Owners);
        Assert.Equal([OwnerKind.Slack, OwnerKind.Slack, OwnerKind.Teams, OwnerKind.Teams, OwnerKind.Email], skill.Owners.Select(o => Owners.KindOf(o)!.Value));
        var middle = skill.Roles[0].At(catalogue.FindLevel("Middle")!)!;
        Assert.Equal<string>(["Took a churn model from notebook to a nightly production job.", "Tuned dropout by search."], middle.Examples);
    }

    [Fact]
    public void A_bad_owner_is_reported_at_its_place_with_the_shapes_allowed()
    {
        var problems = Problems("""
            skill: Deep Learning
            domain: ML
            owners: [U0123ABCD, ana, "u0123abcd", U0123ABCD, "29:", "ana@example"]
            roles:
              DS:
                Junior:
                  description: x
            """);
        Assert.Equal(
            [
                $"skills/dl.yaml:3:21: 'ana' is not an owner id: use {Owners.Shapes}",
                $"skills/dl.yaml:3:26: 'u0123abcd' is not an owner id: use {Owners.Shapes}",
                "skills/dl.yaml:3:39: owner 'U0123ABCD' is listed twice",
                $"skills/dl.yaml:3:50: '29:' is not an owner id: use {Owners.Shapes}",
                $"skills/dl.yaml:3:57: 'ana@example' is not an owner id: use {Owners.Shapes}",
            ],
            problems);
    }

    [Fact]
    public void Owners_must_be_a_short_list_of_text()
    {
        Assert.Equal(["skills/dl.yaml:3:9: 'owners' must be a list, such as [U0123ABCD, ana@example.com]"], Problems("""
            skill: Deep Learning
            domain: ML
            owners: U0123ABCD
            roles: { DS: { Junior: { description: x } } }
            """));
        Assert.Equal([$"skills/dl.yaml:3:10: an owner is not an owner id: use {Owners.Shapes}"], Problems("""
            skill: Deep Learning
            domain: ML
            owners: [[U0123ABCD]]
            roles: { DS: { Junior: { description: x } } }
            """));
        var many = string.Join(", ", Enumerable.Range(0, Owners.MaxPerSkill + 1).Select(i => $"o{i}@example.com"));
        Assert.Equal([$"skills/dl.yaml:3:9: 'owners' lists 21 owners; a skill may have at most {Owners.MaxPerSkill}"], Problems($"""
            skill: Deep Learning
            domain: ML
            owners: [{many}]
            roles: {"{"} DS: {"{"} Junior: {"{"} description: x {"}"} {"}"} {"}"}
            """));
        var huge = new string('a', 300) + "@example.com";
        Assert.Single(Problems($"""
            skill: Deep Learning
            domain: ML
            owners: [{huge}]
            roles: {"{"} DS: {"{"} Junior: {"{"} description: x {"}"} {"}"} {"}"}
            """), p => p.StartsWith("skills/dl.yaml:3:10: 'aaaa", StringComparison.Ordinal) && p.Contains("…' is not an owner id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_example_is_reported_at_its_place()
    {
        var problems = Problems($"""
            skill: Deep Learning
            domain: ML
            roles:
              DS:
                Junior:
                  description: x
                  examples:
                    - fine
                    - ""
                    - [nested]
                    - {new string('x', ExampleLimits.MaxLength + 1)}
                Middle:
                  description: y
                  examples: just one text
                Senior:
                  description: z
                  exmaples: [typo]
            """);
        Assert.Equal(
            [
                "skills/dl.yaml:9:11: an example must not be empty",
                "skills/dl.yaml:10:11: an example must be text",
                $"skills/dl.yaml:11:11: an example is {ExampleLimits.MaxLength + 1} characters; at most {ExampleLimits.MaxLength} (an example is a sentence or two)",
                "skills/dl.yaml:14:17: 'examples' must be a list of short texts, such as [\"Took a model to production.\"]",
                "skills/dl.yaml:17:7: unknown key 'exmaples' (expected necessity, description, examples)",
            ],
            problems);
    }

    [Fact]
    public void Too_many_examples_are_one_problem_at_the_list()
    {
        var items = string.Join("\n", Enumerable.Range(1, ExampleLimits.MaxPerExpectation + 1).Select(i => $"          - example {i}"));
        var problems = Problems($"""
            skill: Deep Learning
            domain: ML
            roles:
              DS:
                Junior:
                  description: x
                  examples:
            {items}
            """);
        Assert.Equal([$"skills/dl.yaml:8:11: 'examples' lists 11 examples; an expectation may have at most {ExampleLimits.MaxPerExpectation}"], problems);
    }

    [Fact]
    public void Every_expectation_of_an_answer_carries_its_examples_and_the_answer_its_skill_owners()
    {
        var assistant = new Assistant(TestCatalogues.WithExamplesAndOwners());

        var expectation = assistant.Ask("what does a senior data scientist need in deep learning?");
        Assert.Equal(Intent.Expectation, expectation.Intent);
        Assert.Equal(TestCatalogues.Owners, expectation.Owners);
        Assert.Equal(TestCatalogues.ExamplesAt("Data Scientist", "Senior"), expectation.Current!.Examples);
        Assert.Equal(TestCatalogues.ExamplesAt("Data Scientist", "Lead"), expectation.Next!.Examples);
        Assert.NotEmpty(expectation.Current.Examples);

        var compare = assistant.Ask("deep learning: middle vs senior data scientist");
        Assert.Equal(TestCatalogues.ExamplesAt("Data Scientist", "Middle"), compare.Current!.Examples);
        Assert.Equal(TestCatalogues.ExamplesAt("Data Scientist", "Senior"), compare.Next!.Examples);

        var profile = assistant.Ask("I'm a senior data scientist");
        Assert.Empty(profile.Owners); // about a role, not a skill
        var item = Assert.IsType<ProfileItem>(Assert.Single(profile.Items));
        Assert.Equal(TestCatalogues.ExamplesAt("Data Scientist", "Senior"), item.Current!.Examples);

        var overview = assistant.Ask("deep learning overview");
        Assert.Equal(TestCatalogues.Owners, overview.Owners);
        Assert.All(overview.Items.OfType<LadderItem>(), rung => Assert.Equal(TestCatalogues.ExamplesAt(rung.Role, rung.Level), rung.Examples));

        var help = assistant.Ask("hello");
        Assert.Empty(help.Owners);
    }

    [Fact]
    public void The_built_in_catalogue_has_no_examples_or_owners_as_its_seed_has_none()
    {
        var answer = new Assistant(Catalogues.BuiltIn()).Ask("what does a senior data scientist need in deep learning?");
        Assert.Empty(answer.Owners);
        Assert.Empty(answer.Current!.Examples);
    }

    [Fact]
    public void Ask_an_owner_gives_the_answer_again_and_what_to_send_only_for_a_skill_with_owners()
    {
        var user = new ChatUser("slack", "T1", "U1");
        var pressed = CardAction.AskOwner("Deep Learning", "Data Scientist", "Senior", null, "what does a senior DS need in DL?");

        var result = new Assistant(TestCatalogues.WithExamplesAndOwners()).Respond(Turn.Button("slack", user, pressed), null);
        Assert.Equal(Intent.Expectation, result.Answer.Intent);
        Assert.Equal(("Deep Learning", "Data Scientist", "Senior"), (result.Answer.Skill, result.Answer.Role, result.Answer.Level));
        Assert.Equal(new OwnerQuestion("what does a senior DS need in DL?", result.Answer), result.AskOwners);

        var huge = new Assistant(TestCatalogues.WithExamplesAndOwners()).Respond(Turn.Button("slack", user, pressed with { Question = new string('q', 5000) }), null);
        Assert.Equal(Assistant.MaxQuestionLength, huge.AskOwners!.Question.Length);

        var noOwners = new Assistant(Catalogues.BuiltIn()).Respond(Turn.Button("slack", user, pressed), null);
        Assert.Equal(Intent.Expectation, noOwners.Answer.Intent);
        Assert.Null(noOwners.AskOwners);

        var typed = new Assistant(TestCatalogues.WithExamplesAndOwners()).Respond(Turn.Question("slack", user, "what does a senior DS need in DL?"), null);
        Assert.Null(typed.AskOwners);
    }
}
