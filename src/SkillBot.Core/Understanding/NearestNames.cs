using SkillBot.Core.Catalogue;
using SkillBot.Core.Text;

namespace SkillBot.Core.Understanding;

/// <summary>The skills and roles whose names come closest to words the catalogue does not know (for not_found).</summary>
public static class NearestNames
{
    public static IReadOnlyList<string> Find(SkillCatalogue catalogue, IReadOnlyCollection<string> words, int max = 5)
    {
        var scored = new List<(string Name, double Score, double Coverage)>();
        void Score(string canonical, IEnumerable<string> names)
        {
            // Coverage breaks ties: "learning" is more of "Deep Learning" than of "machine learning engineer".
            var best = names
                .Select(n => Tokenizer.Tokenize(n))
                .Where(tokens => tokens.Count > 0)
                .Select(tokens => Rate(words, tokens))
                .DefaultIfEmpty()
                .MaxBy(s => (s.Score, s.Coverage));
            if (best.Score > 0)
            {
                scored.Add((canonical, best.Score, best.Coverage));
            }
        }
        foreach (var skill in catalogue.Skills)
        {
            Score(skill.Name, skill.Aliases.Prepend(skill.Name));
        }
        foreach (var role in catalogue.Roles)
        {
            Score(role.Name, role.Aliases.Prepend(role.Name));
        }
        return scored
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Coverage)
            .ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => s.Name)
            .Distinct()
            .Take(max)
            .ToList();
    }

    private static (double Score, double Coverage) Rate(IReadOnlyCollection<string> words, List<string> nameTokens)
    {
        var score = Similarity(words, nameTokens);
        return (score, score / nameTokens.Count);
    }

    /// <summary>How many of the words are close to a word of the name, each 1 for exact and less for near.</summary>
    private static double Similarity(IReadOnlyCollection<string> words, List<string> nameTokens)
    {
        var score = 0.0;
        foreach (var word in words)
        {
            var best = 0.0;
            foreach (var token in nameTokens)
            {
                if (word == token)
                {
                    best = 1;
                    break;
                }
                if (word.Length >= 3 && token.Length >= 3 && (token.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(token, StringComparison.Ordinal)))
                {
                    best = Math.Max(best, 0.7);
                    continue;
                }
                var budget = Math.Max(1, Math.Min(word.Length, token.Length) / 3);
                var distance = EditDistance.Bounded(word, token, budget);
                if (distance <= budget && Math.Min(word.Length, token.Length) >= 4)
                {
                    best = Math.Max(best, 0.6 - (0.1 * distance));
                }
            }
            score += best;
        }
        return score;
    }
}
