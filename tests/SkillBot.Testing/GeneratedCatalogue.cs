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

    /// <summary>
    /// Career tracks (format 1.1): three tracks of eight levels each (IC1…IC8, M1…M8, F1…F8), 60 roles (20 a track:
    /// each individual-contributor role, its manager and its fellow), five roles a skill (three individual contributors,
    /// a manager, a fellow), each at every level of its track, descriptions of about 120 characters.
    /// </summary>
    Tracks,
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

    /// <summary>The tracks of <see cref="GeneratedShape.Tracks"/>: name, aliases, its levels' prefix and what its roles add to an individual contributor's name.</summary>
    public static readonly (string Name, string[] Aliases, string LevelPrefix, string RoleSuffix)[] Tracks =
    [
        ("Individual Contributor", ["IC track"], "IC", ""),
        ("Management", ["manager track"], "M", " Manager"),
        ("Technical Fellowship", ["fellow track"], "F", " Fellow"),
    ];

    public const int LevelsPerTrack = 8;

    public const int RolesPerTrack = 20;

    /// <summary>The levels of a track of <see cref="GeneratedShape.Tracks"/>, lowest first.</summary>
    public static string[] TrackLevels(int track) =>
        [.. Enumerable.Range(1, LevelsPerTrack).Select(n => Tracks[track].LevelPrefix + n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The individual-contributor roles the tracks shape builds on: none that is already a manager's.</summary>
    private static readonly RoleName[] TrackRoles = [.. Roles.Where(r => !r.Name.EndsWith("Manager", StringComparison.Ordinal)).Take(RolesPerTrack)];

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
            var roles = shape == GeneratedShape.Tracks
                ? Enumerable.Range(0, departments).SelectMany(d => Tracks.Index().SelectMany(t => TrackRoles.Select(r => (Role: InDepartment(d, OnTrack(r, t.Index)), Track: t.Index)))).ToList()
                : Enumerable.Range(0, departments).SelectMany(d => Roles.Select(r => (Role: InDepartment(d, r), Track: -1))).ToList();
            var levelNames = shape == GeneratedShape.Tracks
                ? Tracks.Index().SelectMany(t => TrackLevels(t.Index).Concat(t.Item.Aliases).Append(t.Item.Name))
                : CatalogueLoader.DefaultLadder.SelectMany(l => l.Aliases.Prepend(l.Name));
            // Role and level names are claimed first so no skill alias is also a role or level alias.
            foreach (var name in roles.SelectMany(r => r.Role.Aliases.Prepend(r.Role.Name)).Concat(levelNames))
            {
                _claimed.Add(Tokenizer.Key(name));
            }
            _files.Add(new CatalogueFile(CatalogueLoader.LevelsFile, shape == GeneratedShape.Tracks ? TracksYaml() : LevelsYaml()));
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
            var levels = shape == GeneratedShape.Tracks ? Tracks.Length * LevelsPerTrack : LevelNames.Length;
            return new GeneratedCatalogue(_files, new GeneratedCounts(written, domainsUsed.Count, roles.Count, levels, _expectations));
        }

        /// <summary>An individual contributor's role as the role of track <paramref name="track"/>: "Data Engineer Manager", "DE manager".</summary>
        private static RoleName OnTrack(RoleName role, int track) =>
            track == 0 ? role : new(role.Name + Tracks[track].RoleSuffix, [.. role.Aliases.Where(a => !a.Any(Tokenizer.IsCjk)).Select(a => a + Tracks[track].RoleSuffix.ToLowerInvariant())]);

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
            foreach (var (role, levels) in RolesOf(domain, department))
            {
                yaml.Append("  ").Append(Quote(role)).AppendLine(":");
                // Most roles cover the whole ladder; about one in six has a gap.
                var gap = shape == GeneratedShape.Varied && random.Next(6) == 0 ? random.Next(levels.Length) : -1;
                for (var level = 0; level < levels.Length; level++)
                {
                    if (level == gap)
                    {
                        continue;
                    }
                    yaml.Append("    ").Append(Quote(levels[level])).AppendLine(":");
                    yaml.Append("      necessity: ").AppendLine(random.Next(10) < 3 ? "required" : "optional");
                    // Eight levels of a track read the five levels' sentences, lowest to highest.
                    yaml.Append("      description: ").AppendLine(Quote(Description(level * Sentences.Length / levels.Length, name, topic, role)));
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

        /// <summary>
        /// The roles a skill has, each with the levels of its track. With tracks: three individual contributors of the
        /// domain (others when it has fewer), the manager of a fourth and the fellow of a fifth.
        /// </summary>
        private IEnumerable<(string Role, string[] Levels)> RolesOf(Domain domain, int department)
        {
            if (shape != GeneratedShape.Tracks)
            {
                var roleCount = shape == GeneratedShape.Uniform ? 5 : random.Next(1, Math.Min(5, domain.Roles.Length) + 1);
                return domain.Roles.OrderBy(_ => random.Next()).Take(roleCount).Select(r => (InDepartment(department, r), LevelNames));
            }
            var bases = domain.Roles.Where(r => TrackRoles.Any(t => t.Name == r)).OrderBy(_ => random.Next())
                .Concat(TrackRoles.Select(r => r.Name).OrderBy(_ => random.Next()))
                .Distinct().Take(5).ToList();
            return bases.Select((role, i) => i < 3 ? 0 : i - 2)
                .Zip(bases, (track, role) => (InDepartment(department, role + Tracks[track].RoleSuffix), TrackLevels(track)));
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
            var length = shape == GeneratedShape.Varied ? 200 : 120;
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

        /// <summary>levels.yaml with <see cref="Tracks"/>, each of <see cref="LevelsPerTrack"/> levels.</summary>
        private static string TracksYaml()
        {
            var yaml = new StringBuilder("tracks:\n");
            foreach (var (track, index) in Tracks.Select((t, i) => (t, i)))
            {
                yaml.Append("  - name: ").AppendLine(Quote(track.Name));
                yaml.Append("    aliases: [").Append(string.Join(", ", track.Aliases.Select(Quote))).AppendLine("]");
                yaml.AppendLine("    levels:");
                foreach (var level in TrackLevels(index))
                {
                    yaml.Append("      - name: ").AppendLine(Quote(level));
                }
            }
            return yaml.ToString();
        }

        /// <param name="roles">Each role with the index of its track in <see cref="Tracks"/>; -1: a catalogue of one ladder.</param>
        private static string RolesYaml(IEnumerable<(RoleName Role, int Track)> roles)
        {
            var yaml = new StringBuilder("roles:\n");
            foreach (var (role, track) in roles)
            {
                yaml.Append("  - name: ").AppendLine(Quote(role.Name));
                yaml.Append("    aliases: [").Append(string.Join(", ", role.Aliases.Select(Quote))).AppendLine("]");
                if (track >= 0)
                {
                    yaml.Append("    track: ").AppendLine(Quote(Tracks[track].Name));
                }
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
