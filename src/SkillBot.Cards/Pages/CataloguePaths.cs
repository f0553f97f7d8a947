using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;

namespace SkillBot.Cards.Pages;

/// <summary>
/// The catalogue pages' URLs (paths from the site's root), one shape per kind of page, built from slugs. Anchors within a
/// page: a role's section is its slug, a rung is ROLE--LEVEL, a skill on a role page is its slug (slugs never hold "--").
/// </summary>
public static class CataloguePaths
{
    public const string Root = "/catalogue";
    public const string Search = Root + "/search";
    public const string Stylesheet = Root + "/catalogue.css";

    public static string Skill(string skill) => $"{Root}/skills/{E(skill)}";

    public static string Role(string role, string level) => $"{Root}/roles/{E(role)}/{E(level)}";

    public static string CompareLevels(string role, string from, string to) => $"{Root}/compare/levels/{E(role)}/{E(from)}/{E(to)}";

    public static string CompareRoles(string role, string other, string level) => $"{Root}/compare/roles/{E(role)}/{E(other)}/{E(level)}";

    /// <summary>A move from a role at a level to another role at a level (across tracks: each level is one of its role's track).</summary>
    public static string Move(string role, string level, string other, string to) => $"{Root}/compare/moves/{E(role)}/{E(level)}/{E(other)}/{E(to)}";

    public static string Rung(string role, string level) => $"{role}--{level}";

    /// <summary>The page that shows what <paramref name="answer"/> says (with the anchor of its part), or null when a name is no longer in the catalogue.</summary>
    public static string? For(Answer answer, SkillCatalogue catalogue)
    {
        var slugs = CatalogueSlugs.Of(catalogue);
        var skill = Find(slugs.Skills, catalogue.FindSkill(answer.Skill));
        var role = Find(slugs.Roles, catalogue.FindRole(answer.Role));
        var level = Find(slugs.Levels, catalogue.FindLevel(answer.Level));
        var compareTo = Find(slugs.Levels, catalogue.FindLevel(answer.CompareTo));
        var compareRole = Find(slugs.Roles, catalogue.FindRole(answer.CompareRole));
        return answer.Intent switch
        {
            Intent.Expectation when skill is not null && role is not null && level is not null => $"{Skill(skill)}#{Rung(role, level)}",
            Intent.Expectation or Intent.SkillOverview when skill is not null => role is null ? Skill(skill) : $"{Skill(skill)}#{role}",
            Intent.Compare when role is not null && level is not null && compareTo is not null =>
                CompareLevels(role, level, compareTo) + (skill is null ? "" : $"#{skill}"),
            Intent.RoleProfile when role is not null && level is not null => Role(role, level),
            Intent.CompareRoles when role is not null && compareRole is not null && level is not null && compareTo is not null && compareTo != level =>
                Move(role, level, compareRole, compareTo) + (skill is null ? "" : $"#{skill}"),
            Intent.CompareRoles when role is not null && compareRole is not null && level is not null =>
                CompareRoles(role, compareRole, level) + (skill is null ? "" : $"#{skill}"),
            Intent.Expectation or Intent.SkillOverview or Intent.Compare or Intent.RoleProfile or Intent.CompareRoles => null,
            _ => Root,
        };
    }

    private static string? Find<T>(CatalogueSlugs.Names<T> names, T? item)
        where T : class => item is not null && names.TryOf(item, out var slug) ? slug : null;

    private static string E(string segment) => Uri.EscapeDataString(segment);
}
