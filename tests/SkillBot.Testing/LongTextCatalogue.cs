using System.Globalization;
using System.Text;
using SkillBot.Core.Catalogue;

namespace SkillBot.Testing;

/// <summary>
/// A catalogue built to break renderings: very long names, very long descriptions full of characters
/// that mean something to Slack, HTML and markdown, many roles and many levels.
/// </summary>
public static class LongTextCatalogue
{
    public const int RoleCount = 60;
    public const int LevelCount = 12;

    public static SkillCatalogue Build()
    {
        var levels = new StringBuilder("levels:\n");
        for (var l = 1; l <= LevelCount; l++)
        {
            levels.Append(CultureInfo.InvariantCulture, $"  - name: \"Grade {l} {Words(8, l)}\"\n");
        }
        var roles = new StringBuilder("roles:\n");
        for (var r = 0; r < RoleCount; r++)
        {
            roles.Append(CultureInfo.InvariantCulture, $"  - name: \"Role {r} {Words(20, r)} <!channel> & co\"\n");
        }
        var skill = new StringBuilder();
        skill.Append(CultureInfo.InvariantCulture, $"skill: \"Skill {Words(40, 1)} <https://evil.example|click> & *bold*\"\n");
        skill.Append("domain: \"Domain of ").Append(Words(30, 2)).Append("\"\nupdated: 2026-01-31\nroles:\n");
        for (var r = 0; r < RoleCount; r++)
        {
            skill.Append(CultureInfo.InvariantCulture, $"  \"Role {r} {Words(20, r)} <!channel> & co\":\n");
            for (var l = 1; l <= LevelCount; l++)
            {
                skill.Append(CultureInfo.InvariantCulture, $"    \"Grade {l} {Words(8, l)}\":\n");
                skill.Append(CultureInfo.InvariantCulture, $"      necessity: {(l % 2 == 0 ? "required" : "optional")}\n");
                skill.Append(CultureInfo.InvariantCulture, $"      description: \"{Description(r, l)}\"\n");
            }
        }
        return Catalogues.Load(
            new CatalogueFile(CatalogueLoader.LevelsFile, levels.ToString()),
            new CatalogueFile(CatalogueLoader.RolesFile, roles.ToString()),
            new CatalogueFile("skills/long.yaml", skill.ToString()));
    }

    /// <summary>About 4,000 characters, with &lt;, &gt;, &amp;, mentions, links, markdown and emoji, growing level by level.</summary>
    private static string Description(int role, int level)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 4000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Step {i} of level {level} for role {role}: {Words(12, i + level)} ");
            if (i % 5 == 0)
            {
                text.Append("<!here> & <@U123> <https://x.example|y> *a* _b_ ~c~ `d` 🚀 ");
            }
        }
        return text.ToString().TrimEnd();
    }

    private static readonly string[] Vocabulary =
    [
        "architecture", "pipelines", "observability", "governance", "distributed", "optimisation", "mentoring",
        "reliability", "throughput", "experimentation", "stakeholders", "compliance", "performance", "strategy",
    ];

    private static string Words(int count, int seed) =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => Vocabulary[(seed * 7 + i * 3) % Vocabulary.Length]));
}
