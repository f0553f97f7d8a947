using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;
using SkillBot.Core.Catalogue;

namespace SkillBot.Cards.Pages;

/// <summary>
/// The readable URL names of one catalogue's skills, roles, levels and domains: the canonical name in lower case, each run
/// of anything but letters and digits one dash ("Machine Learning &amp; AI" → machine-learning-ai). Two names with one
/// slug are told apart by "-2", "-3" in catalogue order. Computed once per catalogue and shared.
/// </summary>
public sealed class CatalogueSlugs
{
    private static readonly ConditionalWeakTable<SkillCatalogue, CatalogueSlugs> Cache = [];

    private CatalogueSlugs(SkillCatalogue catalogue)
    {
        Skills = new(catalogue.Skills, s => s.Name, s => s.Aliases);
        Roles = new(catalogue.Roles, r => r.Name, r => r.Aliases);
        Levels = new(catalogue.Levels, l => l.Name, l => l.Aliases);
        Domains = new(catalogue.Domains, d => d, _ => []);
    }

    public static CatalogueSlugs Of(SkillCatalogue catalogue) => Cache.GetValue(catalogue, c => new CatalogueSlugs(c));

    public Names<Skill> Skills { get; }

    public Names<Role> Roles { get; }

    public Names<Level> Levels { get; }

    public Names<string> Domains { get; }

    /// <summary>Lower case, letters and digits (any script) kept, every other run one dash, none at either end.</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        var dash = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (dash && slug.Length > 0)
                {
                    slug.Append('-');
                }
                slug.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        return slug.Length > 0 ? slug.ToString() : "unnamed";
    }

    /// <summary>One kind of name: each entry's slug, and what a URL segment finds.</summary>
    public sealed class Names<T>
        where T : notnull
    {
        private readonly FrozenDictionary<T, string> _slugs;
        private readonly FrozenDictionary<string, T> _canonical;
        private readonly FrozenDictionary<string, T> _aliases;

        internal Names(IEnumerable<T> items, Func<T, string> name, Func<T, IEnumerable<string>> aliases)
        {
            var slugs = new Dictionary<T, string>();
            var canonical = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var slug = Slug(name(item));
                for (var n = 2; canonical.ContainsKey(slug); n++)
                {
                    slug = $"{Slug(name(item))}-{n}";
                }
                slugs[item] = slug;
                canonical[slug] = item;
            }
            var other = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var (item, _) in slugs)
            {
                foreach (var alias in aliases(item).Prepend(name(item)))
                {
                    other.TryAdd(Slug(alias), item); // the first that claims an alias keeps it
                }
            }
            _slugs = slugs.ToFrozenDictionary();
            _canonical = canonical.ToFrozenDictionary(StringComparer.Ordinal);
            _aliases = other.ToFrozenDictionary(StringComparer.Ordinal);
        }

        public string Of(T item) => _slugs[item];

        public bool TryOf(T item, out string slug) => _slugs.TryGetValue(item, out slug!);

        /// <summary>
        /// What a URL segment names: the entry whose slug it is (<paramref name="canonical"/> true), else the entry one of
        /// whose names or aliases it spells in any case or punctuation ("DL", "Deep_Learning"), to be redirected to.
        /// </summary>
        public T? Find(string segment, out bool canonical)
        {
            if (_canonical.TryGetValue(segment, out var item))
            {
                canonical = true;
                return item;
            }
            canonical = false;
            var slug = Slug(segment);
            return _canonical.TryGetValue(slug, out item) || _aliases.TryGetValue(slug, out item) ? item : default;
        }
    }
}
