using System.Text;
using CsCheck;
using SkillBot.Core.Catalogue;

namespace SkillBot.Core.Tests.Understanding;

/// <summary>
/// Valid catalogues of random shape whose names are drawn partly from words that collide on purpose
/// (level names inside role names, "Data" in skills and roles, two-letter acronyms), partly made up.
/// </summary>
internal static class RandomCatalogues
{
    private static readonly string[] Overlapping =
    [
        "Data", "Learning", "Deep", "Machine", "Engineer", "Engineering", "Science", "Scientist", "Python", "Product",
        "Manager", "Ops", "Vision", "Cloud", "Security", "Design", "Go", "R", "C#", "C++", "Lead", "Senior", "Staff",
        "Analyst", "Platform", "Web", "Test", "ML", "AI", "UX", "SQL", "Help", "Overview", "Level", "From", "Of",
    ];

    private static readonly Gen<string> Word = Gen.Frequency(
        (3, Gen.OneOfConst(Overlapping)),
        (2, Gen.Char['a', 'z'].Array[3, 9].Select(c => char.ToUpperInvariant(c[0]) + new string(c[1..]))));

    private static readonly Gen<string> Name = Word.Array[1, 3].Select(words => string.Join(' ', words));

    private sealed record SkillShape(string Name, int Domain, int RoleMask, int[] LevelMasks);

    public static readonly Gen<SkillCatalogue> Any =
        from levels in Gen.Frequency((1, Gen.Const((string[]?)null)), (2, Name.Array[1, 6].Select(n => (string[]?)n)))
        from roles in Name.Array[1, 5]
        from domains in Name.Array[1, 3]
        from skills in SkillShapes(roles.Length, levels?.Length ?? 5).Array[1, 8]
        let catalogue = Load(levels, roles, domains, skills)
        where catalogue is not null
        select catalogue;

    private static Gen<SkillShape> SkillShapes(int roleCount, int levelCount) =>
        from name in Name
        from domain in Gen.Int[0, 2]
        from roleMask in Gen.Int[1, (1 << roleCount) - 1]
        from levelMasks in Gen.Int[1, (1 << levelCount) - 1].Array[roleCount]
        select new SkillShape(name, domain, roleMask, levelMasks);

    private static readonly string[] DefaultLadder = ["Junior", "Middle", "Senior", "Lead", "Principal"];

    private static SkillCatalogue? Load(string[]? levels, string[] roles, string[] domains, SkillShape[] skills)
    {
        var files = new List<CatalogueFile>();
        if (levels is not null)
        {
            files.Add(new CatalogueFile("levels.yaml", "levels:\n" + string.Concat(levels.Select(l => $"  - name: {Quote(l)}\n"))));
        }
        files.Add(new CatalogueFile("roles.yaml", "roles:\n" + string.Concat(roles.Select(r => $"  - name: {Quote(r)}\n"))));
        var ladder = levels ?? DefaultLadder;
        for (var s = 0; s < skills.Length; s++)
        {
            var skill = skills[s];
            var yaml = new StringBuilder()
                .Append($"skill: {Quote(skill.Name)}\ndomain: {Quote(domains[skill.Domain % domains.Length])}\nroles:\n");
            for (var r = 0; r < roles.Length; r++)
            {
                if ((skill.RoleMask & (1 << r)) == 0)
                {
                    continue;
                }
                yaml.Append($"  {Quote(roles[r])}:\n");
                for (var l = 0; l < ladder.Length; l++)
                {
                    if ((skill.LevelMasks[r] & (1 << l)) != 0)
                    {
                        yaml.Append($"    {Quote(ladder[l])}:\n      description: {Quote($"{skill.Name} for {roles[r]} at {ladder[l]}.")}\n");
                    }
                }
            }
            files.Add(new CatalogueFile($"skills/s{s}.yaml", yaml.ToString()));
        }
        return CatalogueLoader.Load(files).Catalogue;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
