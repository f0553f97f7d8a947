using System.Text.Json;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>The invariants answer-api.md promises for every answer, whatever the question.</summary>
internal static class AnswerContract
{
    private static readonly string[] JsonFields =
        ["question", "intent", "domain", "skill", "role", "level", "compareTo", "current", "next",
         "items", "clarify", "suggestions", "message", "language", "compareRole", "track", "owners", "updated", "catalogueVersion"];

    public static void Check(Answer answer, SkillCatalogue catalogue)
    {
        CheckJson(answer);
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
        Assert.Equal(catalogue.Version, answer.CatalogueVersion);
        Assert.NotNull(answer.Items);
        Assert.NotNull(answer.Suggestions);

        // Canonical names or null, never the user's spelling.
        var skill = Canonical(answer.Skill, catalogue.FindSkill, s => s.Name);
        var role = Canonical(answer.Role, catalogue.FindRole, r => r.Name);
        var level = Canonical(answer.Level, catalogue.FindLevel, l => l.Name);
        var compareTo = Canonical(answer.CompareTo, catalogue.FindLevel, l => l.Name);
        if (answer.Domain is not null)
        {
            Assert.Contains(answer.Domain, catalogue.Domains);
        }
        if (skill is not null)
        {
            Assert.Equal(skill.Domain, answer.Domain);
            Assert.Equal(skill.Updated, answer.Updated);
        }
        else
        {
            Assert.Null(answer.Updated);
        }
        if (answer.Intent != Intent.Clarify)
        {
            Assert.Null(answer.Clarify);
        }
        if (answer.Intent is not (Intent.Expectation or Intent.Compare or Intent.CompareRoles))
        {
            Assert.Null(answer.Current);
            Assert.Null(answer.Next);
        }
        if (answer.Intent is not (Intent.RoleProfile or Intent.SkillOverview or Intent.Changes or Intent.CompareRoles or Intent.Catalogue))
        {
            Assert.Empty(answer.Items);
        }
        var compareRole = Canonical(answer.CompareRole, catalogue.FindRole, r => r.Name);
        if (compareRole is not null)
        {
            // Only a lateral move has a second role, or a clarify/not_found that keeps what is known of one.
            Assert.Contains(answer.Intent, new[] { Intent.CompareRoles, Intent.Clarify, Intent.NotFound });
            Assert.NotNull(role);
        }
        if (compareTo is not null && answer.CompareRole is null)
        {
            // Only a comparison has two levels, or a clarify/not_found that keeps what is known of one.
            // (A role profile of two levels shows the higher one as each skill's next.)
            Assert.Contains(answer.Intent, new[] { Intent.Compare, Intent.RoleProfile, Intent.Clarify, Intent.NotFound });
            Assert.NotNull(level);
            Assert.True(level.Number < compareTo.Number, "level is the lower of the two");
        }

        switch (answer.Intent)
        {
            case Intent.Expectation:
                Assert.NotNull(skill);
                Assert.NotNull(role);
                Assert.NotNull(level);
                var expectations = skill.For(role);
                Assert.NotNull(expectations);
                CheckLevel(answer.Current, expectations.At(level), withSegments: false);
                var above = catalogue.Above(level);
                CheckLevel(answer.Next, above is null ? null : expectations.At(above), withSegments: true);
                break;
            case Intent.Compare:
                Assert.NotNull(skill);
                Assert.NotNull(role);
                Assert.NotNull(level);
                Assert.NotNull(compareTo);
                Assert.True(level.Number < compareTo.Number, "level is the lower of the two");
                var compared = skill.For(role);
                Assert.NotNull(compared);
                CheckLevel(answer.Current, compared.At(level), withSegments: false);
                CheckLevel(answer.Next, compared.At(compareTo), withSegments: true);
                break;
            case Intent.RoleProfile:
                Assert.Null(skill);
                Assert.NotNull(role);
                Assert.NotNull(level);
                var profile = answer.Items.Select(i => Assert.IsType<ProfileItem>(i)).ToList();
                Assert.Equal(catalogue.SkillsOf(role).Select(s => s.Name), profile.Select(p => p.Skill));
                var nextLevel = compareTo ?? catalogue.Above(level);
                Assert.All(profile, p => Assert.True(p.Current is null || p.Current.Level == level.Name));
                Assert.All(profile, p => Assert.True(p.Next is null || p.Next.Level == nextLevel?.Name));
                Assert.All(profile, p => Assert.True(p.Current?.Segments is null && p.Next?.Segments is null));
                break;
            case Intent.SkillOverview:
                Assert.NotNull(skill);
                Assert.Null(level);
                var ladder = answer.Items.Select(i => Assert.IsType<LadderItem>(i)).ToList();
                Assert.NotEmpty(ladder);
                if (role is not null)
                {
                    Assert.All(ladder, item => Assert.Equal(role.Name, item.Role));
                }
                break;
            case Intent.CompareRoles:
                Assert.NotNull(role);
                Assert.NotNull(compareRole);
                Assert.NotNull(level);
                Assert.NotNull(compareTo);
                // Where the person is and where they would go, each level of its own role's track.
                Assert.Equal(role.Track, level.Track);
                Assert.Equal(compareRole.Track, compareTo.Track);
                if (skill is not null)
                {
                    Assert.Empty(answer.Items);
                    CheckLevel(answer.Current, skill.For(role)?.At(level), withSegments: false);
                    CheckLevel(answer.Next, skill.For(compareRole)?.At(compareTo), withSegments: true);
                    break;
                }
                Assert.Null(answer.Current);
                Assert.Null(answer.Next);
                var sides = answer.Items.Select(i => Assert.IsType<ProfileItem>(i)).ToList();
                Assert.Equal(
                    catalogue.Skills.Where(s => s.For(role) is not null || s.For(compareRole) is not null).Select(s => s.Name),
                    sides.Select(p => p.Skill));
                foreach (var side in sides)
                {
                    var of = catalogue.FindSkill(side.Skill)!;
                    CheckLevel(side.Current, of.For(role)?.At(level), withSegments: false);
                    CheckLevel(side.Next, of.For(compareRole)?.At(compareTo), withSegments: false);
                }
                break;
            case Intent.Catalogue:
                Assert.Null(skill);
                Assert.Null(level);
                Assert.Null(compareTo);
                switch (answer.Items.FirstOrDefault())
                {
                    case SkillListItem:
                        var listed = answer.Items.Select(i => Assert.IsType<SkillListItem>(i)).ToList();
                        var expected = catalogue.Skills
                            .Where(s => (role is null || s.For(role) is not null) && (answer.Domain is null || s.Domain == answer.Domain))
                            .ToList();
                        Assert.Equal(expected.Select(s => s.Name).Order(StringComparer.Ordinal), listed.Select(i => i.Skill).Order(StringComparer.Ordinal));
                        Assert.All(listed, i => Assert.Equal(catalogue.FindSkill(i.Skill)!.Roles.Select(r => r.Role.Name), i.Roles));
                        // grouped by domain: each domain's skills in one run
                        var runs = listed.Select(i => i.Domain).Where((d, k) => k == 0 || listed[k - 1].Domain != d).ToList();
                        Assert.Equal(runs.Distinct().Count(), runs.Count);
                        break;
                    case RoleListItem:
                        Assert.Equal(catalogue.Roles.Select(r => r.Name), answer.Items.Select(i => Assert.IsType<RoleListItem>(i).Role));
                        Assert.All(answer.Items.Cast<RoleListItem>(), i => Assert.Equal(catalogue.SkillsOf(catalogue.FindRole(i.Role)!).Select(s => s.Name), i.Skills));
                        break;
                    case LevelListItem:
                        Assert.Equal(catalogue.Levels.Select(l => l.Name), answer.Items.Select(i => Assert.IsType<LevelListItem>(i).Level));
                        break;
                }
                break;
            case Intent.Clarify:
                Assert.NotNull(answer.Clarify);
                Assert.NotEmpty(answer.Clarify.Options);
                Func<string, bool> known = answer.Clarify.Missing switch
                {
                    Missing.Skill => o => catalogue.FindSkill(o)?.Name == o,
                    Missing.Role => o => catalogue.FindRole(o)?.Name == o,
                    _ => o => catalogue.FindLevel(o)?.Name == o,
                };
                Assert.All(answer.Clarify.Options, o => Assert.True(known(o), $"'{o}' is not a canonical {answer.Clarify.Missing}"));
                break;
            case Intent.Changes:
                // Narrowed by what the question names: every change is at that skill, role and level.
                Assert.All(answer.Items, item =>
                {
                    var change = Assert.IsType<ChangeItem>(item);
                    Assert.True(answer.Skill is null || change.Skill == answer.Skill, $"{change} is not about {answer.Skill}");
                    Assert.True(answer.Role is null || change.Role == answer.Role, $"{change} is not about {answer.Role}");
                    Assert.True(answer.Level is null || change.Level == answer.Level, $"{change} is not at {answer.Level}");
                    Assert.True(change.Before is not null || change.After is not null, $"{change} has neither a before nor an after");
                });
                break;
            case Intent.NotFound:
            case Intent.Help:
                Assert.NotEmpty(answer.Suggestions);
                break;
        }
    }

    /// <summary>Serialises with the source-generated context, every field present, camelCase.</summary>
    public static void CheckJson(Answer answer)
    {
        var json = JsonSerializer.Serialize(answer, AnswerJsonContext.Default.Answer);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonFields, document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    private static T? Canonical<T>(string? name, Func<string?, T?> find, Func<T, string> nameOf) where T : class
    {
        if (name is null)
        {
            return null;
        }
        var found = find(name);
        Assert.True(found is not null && nameOf(found) == name, $"'{name}' is not a canonical catalogue name");
        return found;
    }

    private static void CheckLevel(LevelExpectation? actual, Expectation? expected, bool withSegments)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.Equal(expected.Level.Name, actual.Level);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Necessity, actual.Necessity);
        if (withSegments)
        {
            Assert.NotNull(actual.Segments);
            Assert.Equal(actual.Description, string.Concat(actual.Segments.Select(s => s.Text)));
        }
        else
        {
            Assert.Null(actual.Segments);
        }
    }
}
