using System.Globalization;
using System.Text;
using SkillBot.CatalogueFiles;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Text;
using static SkillBot.Testing.GeneratedCatalogueVocabulary;

namespace SkillBot.Testing;

/// <summary>How the generated skills are filled.</summary>
public enum GeneratedShape
{
    /// <summary>One to five roles a skill, about one role in six with a gap in its ladder, descriptions of 200–300 characters.</summary>
    Varied,

    /// <summary>Five roles a skill, each at all five levels, descriptions of about 120 characters: the shape the scale figures in the README are measured on.</summary>
    Uniform,
}

/// <summary>What the generator wrote, counted independently of the loader, so a test can hold the loader to it.</summary>
public sealed record GeneratedCounts(int Skills, int Domains, int Roles, int Levels, int Expectations);

/// <summary>
/// A large, realistic catalogue in format v1, generated deterministically from a seed: skills across
/// about twenty domains, each with up to five roles (from a pool of about thirty, with aliases) and up to
/// five levels, multi-word names that share words, acronyms and abbreviations as aliases, a few Chinese
/// aliases, and descriptions of 200–300 characters. Used by the benchmarks and by tests that need scale.
/// </summary>
public sealed class GeneratedCatalogue
{
    public const int DefaultSkillCount = 2000;

    /// <summary>
    /// Skills per business unit. A larger catalogue is what a company's departments merged give: the first
    /// block is the catalogue of this size, each further block a department ("Payments") whose skills and
    /// roles carry its name ("Payments Data Pipelines", "Payments Data Engineer"), so a role has about as many
    /// skills at 20,000 as at 2,000, as in a real merged framework.
    /// </summary>
    public const int SkillsPerDepartment = 2000;
    public const int DefaultSeed = 20261128;

    private static readonly string[] LevelNames = [.. CatalogueLoader.DefaultLadder.Select(l => l.Name)];

    private GeneratedCatalogue(IReadOnlyList<CatalogueFile> files, GeneratedCounts counts)
    {
        Files = files;
        Counts = counts;
    }

    /// <summary>The catalogue's files (levels.yaml, roles.yaml, skills/&lt;domain&gt;/&lt;skill&gt;.yaml) with their text.</summary>
    public IReadOnlyList<CatalogueFile> Files { get; }

    public GeneratedCounts Counts { get; }

    /// <summary>Builds the catalogue's files in memory. The same arguments always give the same files.</summary>
    public static GeneratedCatalogue Generate(int skillCount = DefaultSkillCount, int seed = DefaultSeed, GeneratedShape? shape = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(skillCount, 1);
        return new Writer(new Random(seed), shape ?? GeneratedShape.Varied).Write(skillCount);
    }

    /// <summary>Writes the files below <paramref name="folder"/> (created if needed) and returns the folder.</summary>
    public string WriteTo(string folder)
    {
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        return folder;
    }

    /// <summary>Writes the folder and loads it back through <see cref="CatalogueFolder.Load"/>.</summary>
    public SkillCatalogue WriteAndLoad(string folder) => Catalogues.Load(WriteTo(folder));

    /// <summary>Loads the files from memory through <see cref="CatalogueLoader.Load"/> (no disk).</summary>
    public SkillCatalogue Load() => Catalogues.Load([.. Files]);

    private sealed class Writer(Random random, GeneratedShape shape)
    {
        private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
        private readonly List<CatalogueFile> _files = [];
        private int _expectations;

        public GeneratedCatalogue Write(int skillCount)
        {
            var departments = (skillCount + SkillsPerDepartment - 1) / SkillsPerDepartment;
            if (departments > Departments.Length + 1)
            {
                throw new ArgumentOutOfRangeException(nameof(skillCount), skillCount,
                    $"at most {(Departments.Length + 1) * SkillsPerDepartment} skills can be generated");
            }
            var roles = Enumerable.Range(0, departments).SelectMany(d => Roles.Select(r => InDepartment(d, r))).ToList();
            // Role and level names are claimed first so no skill alias is also a role or level alias.
            foreach (var name in roles.SelectMany(r => r.Aliases.Prepend(r.Name))
                         .Concat(CatalogueLoader.DefaultLadder.SelectMany(l => l.Aliases.Prepend(l.Name))))
            {
                _claimed.Add(Tokenizer.Key(name));
            }
            _files.Add(new CatalogueFile(CatalogueLoader.LevelsFile, LevelsYaml()));
            _files.Add(new CatalogueFile(CatalogueLoader.RolesFile, RolesYaml(roles)));

            var written = 0;
            var domainsUsed = new HashSet<string>(StringComparer.Ordinal);
            for (var department = 0; department < departments; department++)
            {
                var inDepartment = Math.Min(SkillsPerDepartment, skillCount - written);
                var perDomain = (inDepartment + Domains.Length - 1) / Domains.Length;
                var writtenHere = 0;
                foreach (var domain in Domains)
                {
                    if (writtenHere == inDepartment)
                    {
                        break;
                    }
                    var take = Math.Min(perDomain, inDepartment - writtenHere);
                    foreach (var (name, topic) in SkillNames(domain, department).Take(take))
                    {
                        _files.Add(SkillFile(domain, department, name, topic));
                        writtenHere++;
                    }
                    domainsUsed.Add(domain.Name);
                }
                written += writtenHere;
                if (writtenHere != inDepartment)
                {
                    break;
                }
            }
            if (written != skillCount)
            {
                throw new InvalidOperationException($"only {written} distinct skill names could be made, {skillCount} were asked for");
            }
            return new GeneratedCatalogue(_files, new GeneratedCounts(written, domainsUsed.Count, roles.Count, LevelNames.Length, _expectations));
        }

        /// <summary>A name in department <paramref name="department"/>: the first (0) is unnamed, the others prefix theirs.</summary>
        private static string InDepartment(int department, string name) =>
            department == 0 ? name : $"{Departments[department - 1]} {name}";

        private static RoleName InDepartment(int department, RoleName role) =>
            department == 0 ? role : new(InDepartment(department, role.Name), [.. role.Aliases.Where(a => !a.Any(Tokenizer.IsCjk)).Select(a => InDepartment(department, a))]);

        /// <summary>The bare topics first, then each topic under modifiers chosen for this domain.</summary>
        private IEnumerable<(string Name, string Topic)> SkillNames(Domain domain, int department)
        {
            var modifiers = Modifiers.OrderBy(_ => random.Next()).ToList();
            foreach (var topic in domain.Topics)
            {
                var name = InDepartment(department, topic);
                if (_claimed.Add(Tokenizer.Key(name)))
                {
                    yield return (name, topic);
                }
            }
            foreach (var modifier in modifiers)
            {
                foreach (var topic in domain.Topics)
                {
                    var topicWords = Tokenizer.Tokenize(topic);
                    if (Tokenizer.Tokenize(modifier).Any(topicWords.Contains))
                    {
                        continue; // "Mobile Mobile UI"
                    }
                    var name = InDepartment(department, $"{modifier} {topic}");
                    if (_claimed.Add(Tokenizer.Key(name)))
                    {
                        yield return (name, topic);
                    }
                }
            }
        }

        private CatalogueFile SkillFile(Domain domain, int department, string name, string topic)
        {
            var yaml = new StringBuilder();
            yaml.Append("skill: ").AppendLine(Quote(name));
            yaml.Append("domain: ").AppendLine(Quote(domain.Name));
            var aliases = AliasesOf(name, topic);
            if (aliases.Count > 0)
            {
                yaml.Append("aliases: [").Append(string.Join(", ", aliases.Select(Quote))).AppendLine("]");
            }
            var updated = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 690));
            yaml.Append("updated: ").AppendLine(updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            yaml.AppendLine("roles:");
            var roleCount = shape == GeneratedShape.Uniform ? 5 : random.Next(1, Math.Min(5, domain.Roles.Length) + 1);
            foreach (var role in domain.Roles.OrderBy(_ => random.Next()).Take(roleCount).Select(r => InDepartment(department, r)))
            {
                yaml.Append("  ").Append(Quote(role)).AppendLine(":");
                // Most roles cover the whole ladder; about one in six has a gap.
                var gap = shape == GeneratedShape.Varied && random.Next(6) == 0 ? random.Next(LevelNames.Length) : -1;
                for (var level = 0; level < LevelNames.Length; level++)
                {
                    if (level == gap)
                    {
                        continue;
                    }
                    yaml.Append("    ").Append(LevelNames[level]).AppendLine(":");
                    yaml.Append("      necessity: ").AppendLine(random.Next(10) < 3 ? "required" : "optional");
                    yaml.Append("      description: ").AppendLine(Quote(Description(level, name, topic, role)));
                    _expectations++;
                }
            }
            var path = $"{CatalogueLoader.SkillsFolder}/{Slug(domain.Name)}/{Slug(name)}.yaml";
            if (!_paths.Add(path))
            {
                throw new InvalidOperationException($"two skills would share the file {path}");
            }
            return new CatalogueFile(path, yaml.ToString());
        }

        /// <summary>An acronym, an abbreviated spelling and a Chinese name, each only if no other name claims it.</summary>
        private List<string> AliasesOf(string name, string topic)
        {
            var aliases = new List<string>();
            void TryAdd(string alias)
            {
                if (_claimed.Add(Tokenizer.Key(alias)))
                {
                    aliases.Add(alias);
                }
            }
            var words = Tokenizer.Tokenize(name);
            var acronym = string.Concat(words.Select(w => char.ToUpperInvariant(w[0])));
            if (acronym.Length >= 2 && !AcronymStopWords.Contains(acronym))
            {
                TryAdd(acronym);
            }
            var abbreviated = Abbreviations.Aggregate(name, (text, a) => text.Replace(a.Long, a.Short, StringComparison.Ordinal));
            if (abbreviated != name)
            {
                TryAdd(abbreviated);
            }
            if (name == topic && ChineseTopics.TryGetValue(topic, out var chinese))
            {
                TryAdd(chinese);
            }
            return aliases;
        }

        /// <summary>Sentences for the level, in a seeded order, until the text is at least 200 characters (120 for the uniform shape).</summary>
        private string Description(int level, string skill, string topic, string role)
        {
            var text = new StringBuilder();
            var length = shape == GeneratedShape.Uniform ? 120 : 200;
            foreach (var sentence in Sentences[level].OrderBy(_ => random.Next()))
            {
                if (text.Length >= length)
                {
                    break;
                }
                if (text.Length > 0)
                {
                    text.Append(' ');
                }
                text.Append(sentence.Replace("{skill}", skill, StringComparison.Ordinal)
                    .Replace("{topic}", topic.ToLowerInvariant(), StringComparison.Ordinal)
                    .Replace("{role}", role, StringComparison.Ordinal));
            }
            return text.ToString();
        }

        private static string LevelsYaml()
        {
            var yaml = new StringBuilder("levels:\n");
            foreach (var (name, aliases) in CatalogueLoader.DefaultLadder)
            {
                yaml.Append("  - name: ").AppendLine(Quote(name));
                yaml.Append("    aliases: [").Append(string.Join(", ", aliases.Select(Quote))).AppendLine("]");
            }
            return yaml.ToString();
        }

        private static string RolesYaml(IEnumerable<RoleName> roles)
        {
            var yaml = new StringBuilder("roles:\n");
            foreach (var role in roles)
            {
                yaml.Append("  - name: ").AppendLine(Quote(role.Name));
                yaml.Append("    aliases: [").Append(string.Join(", ", role.Aliases.Select(Quote))).AppendLine("]");
            }
            return yaml.ToString();
        }

        /// <summary>A YAML double-quoted scalar: safe for '&amp;', ':', '#', '/' and non-ASCII alike.</summary>
        private static string Quote(string text) =>
            "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

        private static string Slug(string name)
        {
            var slug = new StringBuilder();
            foreach (var c in name.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    slug.Append(c);
                }
                else if (c == '#')
                {
                    slug.Append("sharp");
                }
                else if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
            return slug.ToString().Trim('-');
        }
    }
}
