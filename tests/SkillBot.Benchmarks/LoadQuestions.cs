using SkillBot.Core.Catalogue;

namespace SkillBot.Benchmarks;

/// <summary>A load run's questions on a generated catalogue: the kinds people ask, with names spread over all of it.</summary>
internal static class LoadQuestions
{
    public static IEnumerable<string> For(SkillCatalogue catalogue, int count = 100, int seed = 19)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var skill = catalogue.Skills[random.Next(catalogue.Skills.Length)];
            var role = skill.Roles[random.Next(skill.Roles.Length)].Role.Name;
            var name = skill.Name.ToLowerInvariant();
            yield return (i % 10) switch
            {
                0 or 1 or 2 => $"what does senior {role} need in {name}?",
                3 => $"{name}: middle vs senior {role}",
                4 => $"{name[..^1]} for a seniour {role}",
                5 => $"I'm a lead {role}",
                6 => $"{name} overview",
                7 => $"{name} senior",
                8 => "what does a senior kubernetes wizard need?",
                _ => "hello",
            };
        }
    }
}
