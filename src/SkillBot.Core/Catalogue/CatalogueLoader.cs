using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using SkillBot.Core.Text;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Catalogue;

/// <summary>
/// The outcome of loading: a catalogue, or every problem found (never both). Warnings (such as a role that
/// roles.yaml does not list) come with either: they are worth fixing but do not stop the catalogue being served.
/// </summary>
public sealed record CatalogueLoadResult(SkillCatalogue? Catalogue, ImmutableArray<CatalogueProblem> Problems)
{
    public bool Succeeded => Catalogue is not null;

    public ImmutableArray<CatalogueProblem> Warnings { get; init; } = [];
}

/// <summary>Loads catalogue format version 1 (docs: catalogue-format.md) and validates all of it.</summary>
public static class CatalogueLoader
{
    public const string LevelsFile = "levels.yaml";
    public const string RolesFile = "roles.yaml";
    public const string SkillsFolder = "skills";

    /// <summary>
    /// The largest catalogue file read (4 MiB). A skill file is a few KB, and even one skill with 60 roles of 12
    /// levels, each described in 4,000 characters, is under 3 MiB; parsing costs about ten times the file in memory.
    /// </summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The most all of a catalogue's files may add up to (256 MiB: a 20,000-skill framework of 25 expectations each is about 90 MiB).</summary>
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>
    /// How deeply YAML collections may nest (a skill file needs 5 levels). YamlDotNet builds its nodes
    /// recursively, so deeper nesting is refused before it is built, long before it could overflow the stack.
    /// </summary>
    public const int MaxDepth = 64;

    public static readonly ImmutableArray<(string Name, string[] Aliases)> DefaultLadder =
    [
        ("Junior", ["jr", "junior", "entry level", "L1", "初级"]),
        ("Middle", ["mid", "middle", "mid-level", "intermediate", "L2", "中级"]),
        ("Senior", ["sr", "senior", "L3", "高级"]),
        ("Lead", ["lead", "team lead", "L4", "主管"]),
        ("Principal", ["principal", "L5", "首席"]),
    ];

    public static bool IsSkillFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads from files already read; paths are relative to the catalogue folder, with '/'.</summary>
    public static CatalogueLoadResult Load(IEnumerable<CatalogueFile> files)
    {
        // The same limits as for files on disk, so that what loads here (an import about to be written) loads from disk too.
        var kept = new List<CatalogueFile>();
        var problems = new List<CatalogueProblem>();
        var total = 0L;
        var full = false;
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (!IsCatalogueFile(file))
            {
                kept.Add(file); // not read, but part of the version, as before
                continue;
            }
            if (full)
            {
                continue; // past the total only the first file is reported, as the folder reader stops reading there
            }
            var bytes = Encoding.UTF8.GetByteCount(file.Text);
            if (bytes > MaxFileBytes)
            {
                problems.Add(new CatalogueProblem(file.Path, 0, 0, TooLargeProblem(bytes)));
            }
            else if ((total += bytes) > MaxTotalBytes)
            {
                problems.Add(new CatalogueProblem(file.Path, 0, 0, TooMuchInAllProblem()));
                full = true;
            }
            else
            {
                kept.Add(file);
            }
        }
        return LoadReadFiles(kept, problems);
    }

    private static bool IsCatalogueFile(CatalogueFile file) =>
        file.Path is LevelsFile or RolesFile || IsInSkills(file.Path) && IsSkillFile(file.Path);

    private static bool IsInSkills(string path) => path.StartsWith(SkillsFolder + "/", StringComparison.Ordinal);

    /// <summary>
    /// Loads files a reader took from a folder (SkillBot.CatalogueFiles), which applied the size limits on the way.
    /// </summary>
    /// <param name="readProblems">What went wrong reading the files (each is about a whole file): the load fails if there is any.</param>
    /// <param name="cores">How many cores parsing may use (-1: all).</param>
    public static CatalogueLoadResult LoadReadFiles(IReadOnlyList<CatalogueFile> files, IReadOnlyList<CatalogueProblem> readProblems, int cores = -1) =>
        LoadSources([.. files.Select(f => new Source(f.Path, f, default))], readProblems, cores);

    /// <summary>
    /// Loads files a reader took from a folder as UTF-8 (SkillBot.CatalogueFiles), which applied the size limits on the
    /// way. Each file is decoded only when it is parsed, a batch at a time, so a large catalogue's text is never all in
    /// memory as strings (twice its UTF-8), and the version is hashed from the bytes as read.
    /// </summary>
    /// <param name="readProblems">What went wrong reading the files (each is about a whole file): the load fails if there is any.</param>
    /// <param name="cores">How many cores parsing may use (-1: all).</param>
    public static CatalogueLoadResult LoadReadFiles(IReadOnlyList<CatalogueFileBytes> files, IReadOnlyList<CatalogueProblem> readProblems, int cores = -1) =>
        LoadSources([.. files.Select(f => new Source(f.Path, null, f.Utf8))], readProblems, cores);

    /// <summary>A file to load: its text, or its UTF-8, decoded when it is parsed.</summary>
    private sealed record Source(string Path, CatalogueFile? Read, ReadOnlyMemory<byte> Utf8)
    {
        public CatalogueFile File() => Read ?? new CatalogueFile(Path, Encoding.UTF8.GetString(Utf8.Span));
    }

    private static CatalogueLoadResult LoadSources(List<Source> files, IReadOnlyList<CatalogueProblem> readProblems, int cores)
    {
        var all = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var builder = new Builder();
        var levelsFile = all.FirstOrDefault(f => f.Path == LevelsFile);
        var rolesFile = all.FirstOrDefault(f => f.Path == RolesFile);
        var skillFiles = all.Where(f => IsInSkills(f.Path) && IsSkillFile(f.Path)).ToList();

        if (levelsFile is null)
        {
            builder.UseDefaultLadder();
        }
        else
        {
            builder.ReadLevels(levelsFile.File());
        }
        if (rolesFile is not null)
        {
            builder.ReadRoles(rolesFile.File());
        }
        // A skill file that could not be read is reported as such, not as "no skill files".
        if (skillFiles.Count == 0 && !readProblems.Any(p => p.File == SkillsFolder || IsInSkills(p.File)))
        {
            builder.Problems.Add(new CatalogueProblem(SkillsFolder, 0, 0, "no skill files: add at least one skills/**/*.yaml"));
        }
        // Parsing is most of a load and touches nothing shared, so files are parsed side by side, a batch at a
        // time, and read into the catalogue in order; with more than one core, the next batch is parsed while this
        // one is read in. Batches are small: a batch's text and YAML trees are alive until it is read in, and what is
        // alive when a collection comes is copied to an older generation (with 512 files a batch, most collections
        // during a large load were of generation 1).
        var batches = skillFiles.Chunk(64).ToList();
        (CatalogueFile File, CatalogueYaml.ParsedFile Parsed)[] Parse(Source[] batch)
        {
            var parsed = new (CatalogueFile, CatalogueYaml.ParsedFile)[batch.Length];
            Parallel.For(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = cores }, i =>
            {
                var file = batch[i].File();
                parsed[i] = (file, CatalogueYaml.ParseAlone(file));
            });
            return parsed;
        }
        Task<(CatalogueFile, CatalogueYaml.ParsedFile)[]>? next = null;
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            var parsed = next is null ? Parse(batch) : next.GetAwaiter().GetResult();
            var following = b + 1 < batches.Count ? batches[b + 1] : null;
            next = following is not null && cores != 1 ? Task.Run(() => Parse(following)) : null;
            foreach (var (file, tree) in parsed)
            {
                builder.ReadSkill(file, tree);
            }
        }

        // Problems by file (stable: each file's own stay in the order they were found), as the files were read.
        var problems = readProblems.Concat(builder.Problems).OrderBy(p => p.File, StringComparer.Ordinal).ToImmutableArray();
        var warnings = builder.Warnings.ToImmutableArray();
        if (problems.Length > 0)
        {
            return new CatalogueLoadResult(null, problems) { Warnings = warnings };
        }
        return new CatalogueLoadResult(builder.Build(VersionOf(all)), []) { Warnings = warnings };
    }

    /// <summary>The problem of a file over <see cref="MaxFileBytes"/> (of unknown size: null).</summary>
    public static string TooLargeProblem(long? bytes) =>
        (bytes is { } size ? $"the file is {Size(size)}" : "the file is larger than the limit")
        + $"; a catalogue file may be at most {Size(MaxFileBytes)}: split it, or shorten its descriptions";

    /// <summary>The problem of the file that takes the catalogue over <see cref="MaxTotalBytes"/>.</summary>
    public static string TooMuchInAllProblem() =>
        $"with this file the catalogue's files add up to more than {Size(MaxTotalBytes)}, the most a catalogue may hold";

    private static string Size(long bytes)
    {
        var exact = bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
        return bytes < 1024 * 1024
            ? exact
            : $"{(bytes / (1024.0 * 1024)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", CultureInfo.InvariantCulture)} MiB ({exact})";
    }

    /// <summary>The version a load of these files gives (the files in any order), without loading them.</summary>
    public static string VersionOfFiles(IEnumerable<CatalogueFile> files) =>
        VersionOf(files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new Source(f.Path, f, default)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string VersionOf(IEnumerable<Source> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // One buffer for every file's UTF-8, instead of an array per file (a large catalogue is some 100 MiB of text).
        var buffer = Array.Empty<byte>();
        void Append(string text)
        {
            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (buffer.Length < most)
            {
                buffer = new byte[Math.Max(most, 64 * 1024)];
            }
            hash.AppendData(buffer, 0, Encoding.UTF8.GetBytes(text, buffer));
        }
        foreach (var file in files)
        {
            Append(file.Path);
            hash.AppendData([0]);
            if (file.Read is null && IsTextWithOnlyNewlines(file.Utf8.Span))
            {
                hash.AppendData(file.Utf8.Span); // the text's UTF-8 already: decoding and encoding again would give these bytes
            }
            else
            {
                // ReplaceLineEndings copies the text; most files have only '\n' already.
                var text = file.File().Text;
                Append(text.AsSpan().IndexOfAny("\r\f\u0085\u2028\u2029") < 0 ? text : text.ReplaceLineEndings("\n"));
            }
            hash.AppendData([0]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..8];
    }

    /// <summary>Valid UTF-8 without the line breaks a version hashes as '\n' (\r, \f, U+0085, U+2028, U+2029).</summary>
    private static bool IsTextWithOnlyNewlines(ReadOnlySpan<byte> utf8) =>
        System.Text.Unicode.Utf8.IsValid(utf8)
        && utf8.IndexOfAny((byte)'\r', (byte)'\f') < 0
        && utf8.IndexOf([(byte)0xC2, (byte)0x85]) < 0
        && utf8.IndexOf([(byte)0xE2, (byte)0x80, (byte)0xA8]) < 0
        && utf8.IndexOf([(byte)0xE2, (byte)0x80, (byte)0xA9]) < 0;

    /// <summary>
    /// Collects levels, roles and skills, and every problem on the way. The methods that read each skill file are
    /// compiled optimized at once, as PlainYaml's are (AggressiveOptimization; PlainYaml says why).
    /// </summary>
    private sealed class Builder : CatalogueYaml
    {
        /// <summary>How many roles roles.yaml lists (they come first in _roles), or null without a readable roles.yaml.</summary>
        private int? _listedRoles;

        private readonly List<Track> _tracks = [];
        private readonly Dictionary<string, Track> _trackKeys = new(StringComparer.Ordinal);
        private readonly List<Level> _levels = [];
        private readonly Dictionary<string, Level> _levelKeys = new(StringComparer.Ordinal);
        private readonly List<Role> _roles = [];
        private readonly Dictionary<string, int> _roleKeys = new(StringComparer.Ordinal);
        private readonly List<Skill> _skills = [];
        private readonly Dictionary<string, (string Skill, string File)> _skillKeys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _domains = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Level?>.AlternateLookup<ReadOnlySpan<char>> _levelsAsWritten =
            new Dictionary<string, Level?>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _rolesAsWritten =
            new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly HashSet<int> _seenRoles = [];
        private readonly DescriptionStore _descriptions = new();
        private bool[] _seenLevels = [];

        public void UseDefaultLadder()
        {
            foreach (var (name, aliases) in DefaultLadder)
            {
                var level = new Level(_levels.Count + 1, name, [.. aliases]) { Track = Track.Unnamed, Position = _levels.Count + 1 };
                _levels.Add(level);
                foreach (var key in NamesOf(name, level.Aliases))
                {
                    _levelKeys[key] = level;
                }
            }
        }

        public void ReadLevels(CatalogueFile file)
        {
            if (Root(file, ["levels", "tracks"]) is not { } root)
            {
                return;
            }
            var (key, list) = root;
            if (key == "levels")
            {
                ReadLadder(file, list, Track.Unnamed);
                if (_levels.Count == 0)
                {
                    Add(file, list, "'levels' must list at least one level");
                }
                return;
            }
            foreach (var (node, name, aliases, map) in NamedEntries(file, list, "track", ["levels"]))
            {
                var track = new Track(_tracks.Count, name, aliases);
                if (!Claim(file, node, "track", name, aliases, _trackKeys, track, t => $"track '{t.Name}'", ReferenceEquals))
                {
                    continue;
                }
                _tracks.Add(track);
                var before = _levels.Count;
                switch (Value(map, "levels"))
                {
                    case null:
                        Add(file, map, $"track '{name}' has no 'levels': list its levels, lowest first");
                        break;
                    case YamlTreeSequence levels:
                        ReadLadder(file, levels, track);
                        if (_levels.Count == before && levels.Children.Count == 0)
                        {
                            Add(file, levels, $"track '{name}' must list at least one level");
                        }
                        break;
                    case var other:
                        Add(file, other, $"'levels' of track '{name}' must be a list of levels, lowest first");
                        break;
                }
            }
            if (_tracks.Count == 0 && Problems.Count == 0)
            {
                Add(file, list, "'tracks' must list at least one track");
            }
        }

        /// <summary>The levels of one track, lowest first; a level name or alias is unique across every track.</summary>
        private void ReadLadder(CatalogueFile file, YamlTreeSequence list, Track track)
        {
            var position = 0;
            foreach (var (node, name, aliases) in NamedEntries(file, list, "level"))
            {
                var level = new Level(_levels.Count + 1, name, aliases) { Track = track, Position = position + 1 };
                if (Claim(file, node, "level", name, level.Aliases, _levelKeys, level, Describe, ReferenceEquals))
                {
                    _levels.Add(level);
                    position++;
                }
            }
        }

        private static string Describe(Level level) =>
            level.Track.Name is { } track ? $"level '{level.Name}' of track '{track}'" : $"level '{level.Name}'";

        /// <summary>The default track of a role: the first (the unnamed one of a catalogue written with <c>levels:</c>).</summary>
        private Track FirstTrack => _tracks.Count > 0 ? _tracks[0] : Track.Unnamed;

        public void ReadRoles(CatalogueFile file)
        {
            if (Root(file, "roles") is not { } list)
            {
                return;
            }
            foreach (var (node, name, aliases, map) in NamedEntries(file, list, "role", ["track", "description"]))
            {
                var index = _roles.Count;
                var track = RoleTrack(file, map);
                var description = Value(map, "description") is null ? null : RequiredText(file, map, "description");
                if (Claim(file, node, "role", name, aliases, _roleKeys, index, i => $"role '{_roles[i].Name}'", (a, b) => a == b))
                {
                    _roles.Add(new Role(name, aliases) { Track = track, Description = description });
                }
            }
            _listedRoles = _roles.Count;
        }

        /// <summary>The track a role names (by name or alias), or the first; an unknown one is reported.</summary>
        private Track RoleTrack(CatalogueFile file, YamlTreeMapping map)
        {
            if (Value(map, "track") is not { } node)
            {
                return FirstTrack;
            }
            if (RequiredText(file, map, "track") is not { } name)
            {
                return FirstTrack;
            }
            if (_trackKeys.TryGetValue(Tokenizer.Key(name), out var track))
            {
                return track;
            }
            if (_tracks.Count > 0)
            {
                Add(file, node, $"unknown track '{name}' (the tracks are {string.Join(", ", _tracks.Select(t => t.Name))})");
            }
            else if (_levels.Count > 0)
            {
                Add(file, node, $"unknown track '{name}': levels.yaml has one ladder ('levels:'); list 'tracks:' there to give roles tracks");
            }
            return FirstTrack;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void ReadSkill(CatalogueFile file, ParsedFile parsed)
        {
            if (Take(parsed) is not { } root)
            {
                return;
            }
            if (root is not YamlTreeMapping map)
            {
                Add(file, root, "a skill file must be a mapping with skill, domain and roles");
                return;
            }
            CheckKeys(file, map, "skill", "domain", "aliases", "updated", "owners", "roles");

            var name = RequiredText(file, map, "skill");
            var domain = RequiredText(file, map, "domain");
            var aliases = Aliases(file, map);
            DateOnly? updated = null;
            if (Value(map, "updated") is { } updatedNode)
            {
                if (updatedNode is YamlTreeScalar { Value: var text }
                    && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    updated = date;
                }
                else
                {
                    Add(file, updatedNode, "'updated' must be an ISO date such as 2026-02-22");
                }
            }

            var owners = ReadOwners(file, map);
            var roles = ImmutableArray.CreateBuilder<RoleExpectations>();
            switch (Value(map, "roles"))
            {
                case null:
                    Add(file, map, "missing required field 'roles'");
                    break;
                case YamlTreeMapping { Children.Count: 0 } empty:
                    Add(file, empty, "'roles' must list at least one role");
                    break;
                case YamlTreeMapping rolesMap:
                    ReadSkillRoles(file, rolesMap, roles);
                    break;
                case var other:
                    Add(file, other, "'roles' must be a mapping of role name to levels");
                    break;
            }

            if (name is null || domain is null)
            {
                return;
            }
            var skillNode = Value(map, "skill")!;
            var skillIndex = _skills.Count.ToString(CultureInfo.InvariantCulture);
            foreach (var key in NamesOf(name, aliases))
            {
                if (key.Length == 0)
                {
                    Add(file, skillNode, $"skill '{name}' has a name or alias without letters or digits");
                }
                else if (_skillKeys.TryGetValue(key, out var owner))
                {
                    var what = Tokenizer.Key(owner.Skill) == Tokenizer.Key(name) && key == Tokenizer.Key(name)
                        ? $"skill name '{name}' is used twice (also in {owner.File})"
                        : $"'{key}' is claimed by skill '{owner.Skill}' ({owner.File}) and skill '{name}'";
                    Add(file, skillNode, what);
                }
                else
                {
                    _skillKeys[key] = (name, file.Path);
                }
            }
            if (!_domains.TryGetValue(domain, out var canonicalDomain))
            {
                _domains[domain] = canonicalDomain = domain;
            }
            _skills.Add(new Skill(name, canonicalDomain, aliases, updated, roles.ToImmutable()) { Owners = owners });
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadSkillRoles(CatalogueFile file, YamlTreeMapping rolesMap, ImmutableArray<RoleExpectations>.Builder roles)
        {
            var seenRoles = _seenRoles;
            seenRoles.Clear();
            foreach (var (roleKey, roleValue) in rolesMap.Children)
            {
                if (roleKey.Span.IsWhiteSpace())
                {
                    Add(file, roleKey, "a role name must be text");
                    continue;
                }
                var roleIndex = RoleIndex(roleKey);
                if (roleIndex >= _listedRoles)
                {
                    // Still a role (format v1), but a typo such as "Data Enginer" must not become one silently.
                    Warn(file, roleKey, UnlistedRole(roleKey.Value, _listedRoles.Value));
                }
                var listedTwice = !seenRoles.Add(roleIndex);
                if (listedTwice)
                {
                    Add(file, roleKey, $"role '{_roles[roleIndex].Name}' is listed twice in this skill");
                }
                if (roleValue is not YamlTreeMapping levelsMap || levelsMap.Children.Count == 0)
                {
                    Add(file, roleValue, $"role '{roleKey.Value}' must map level names to expectations");
                    continue;
                }
                var byLevel = new Expectation?[_levels.Count];
                var seenLevels = SeenLevels();
                foreach (var (levelKey, levelValue) in levelsMap.Children)
                {
                    var level = LevelAt(file, levelKey, _roles[roleIndex], seenLevels);
                    // The expectation is checked even under a bad level, so that every problem shows at once.
                    if (ReadExpectation(file, level?.Name ?? levelKey.Value, levelValue) is { } read && level is not null)
                    {
                        byLevel[level.Number - 1] = new Expectation(level, read.Necessity, read.Description.Span.Trim(), _descriptions) { Examples = read.Examples };
                    }
                }
                if (!listedTwice)
                {
                    // byLevel is not touched again, so it becomes the array without a copy.
                    roles.Add(new RoleExpectations(_roles[roleIndex], ImmutableCollectionsMarshal.AsImmutableArray(byLevel)));
                }
            }
        }

        /// <summary>
        /// The level a skill file's key names, or null (reported) when it is unknown, of another track than the
        /// role's, or already given for the role.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Level? LevelAt(CatalogueFile file, YamlTreeScalar levelKey, Role role, bool[] seenLevels)
        {
            if (LevelNamed(levelKey) is not { } level)
            {
                // With no ladder (levels.yaml broken and already reported) every level would be "unknown".
                if (_levels.Count > 0)
                {
                    var which = role.Track.Name is { } track ? $"the levels of track '{track}' are" : "the ladder is";
                    Add(file, levelKey, $"unknown level '{levelKey.Value}' ({which} {LadderOf(role)})");
                }
                return null;
            }
            if (level.Track != role.Track)
            {
                Add(file, levelKey,
                    $"level '{level.Name}' is on track '{level.Track.Name}', but role '{role.Name}' is on track '{role.Track.Name}' "
                    + $"(its levels are {LadderOf(role)}); a role has levels of its own track only");
                return null;
            }
            if (seenLevels[level.Number - 1])
            {
                Add(file, levelKey, $"level '{level.Name}' is given twice for role '{role.Name}'");
                return null;
            }
            seenLevels[level.Number - 1] = true;
            return level;
        }

        /// <summary>
        /// The levels of the role's track, for a problem. A method of its own: a lambda over the role inside
        /// <see cref="LevelAt"/> would allocate a closure on every call, and that runs for every expectation.
        /// </summary>
        private string LadderOf(Role role) => string.Join(", ", _levels.Where(l => l.Track == role.Track).Select(l => l.Name));

        /// <summary>
        /// The level a key names, or null. Every expectation of the catalogue names one of a few levels, each written the
        /// same way, so each way of writing is looked up once (the ladder is complete before any skill is read).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Level? LevelNamed(YamlTreeScalar key)
        {
            if (_levelsAsWritten.TryGetValue(key.Span, out var known))
            {
                return known;
            }
            var written = key.Value;
            return _levelsAsWritten.Dictionary[written] = _levelKeys.GetValueOrDefault(Tokenizer.Key(written));
        }

        /// <summary>Which levels a role of a skill has given already (by level number), cleared for each role.</summary>
        private bool[] SeenLevels()
        {
            if (_seenLevels.Length != _levels.Count)
            {
                _seenLevels = new bool[_levels.Count];
            }
            Array.Clear(_seenLevels);
            return _seenLevels;
        }

        /// <summary>owners: a list of ids of the shapes <see cref="Owners.KindOf"/> accepts, each once, at most <see cref="Owners.MaxPerSkill"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private ImmutableArray<string> ReadOwners(CatalogueFile file, YamlTreeMapping map)
        {
            switch (Value(map, "owners"))
            {
                case null:
                    return [];
                case YamlTreeSequence list:
                    if (list.Children.Count > Owners.MaxPerSkill)
                    {
                        Add(file, list, $"'owners' lists {list.Children.Count} owners; a skill may have at most {Owners.MaxPerSkill}");
                        return [];
                    }
                    var owners = ImmutableArray.CreateBuilder<string>();
                    foreach (var item in list.Children)
                    {
                        var owner = ScalarText(item)?.Trim();
                        if (owner is null || Owners.KindOf(owner) is null)
                        {
                            var shown = owner is null ? "an owner" : $"'{(owner.Length > 60 ? owner[..60] + "…" : owner)}'";
                            Add(file, item, $"{shown} is not an owner id: use {Owners.Shapes}");
                        }
                        else if (owners.Contains(owner, StringComparer.OrdinalIgnoreCase))
                        {
                            Add(file, item, $"owner '{owner}' is listed twice");
                        }
                        else
                        {
                            owners.Add(owner);
                        }
                    }
                    return owners.ToImmutable();
                case var other:
                    Add(file, other, "'owners' must be a list, such as [U0123ABCD, ana@example.com]");
                    return [];
            }
        }

        /// <summary>examples: a list of non-empty texts, at most <see cref="ExampleLimits.MaxPerExpectation"/>, each at most <see cref="ExampleLimits.MaxLength"/> characters.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private ImmutableArray<string> ReadExamples(CatalogueFile file, YamlTreeMapping map)
        {
            switch (Value(map, "examples"))
            {
                case null:
                    return [];
                case YamlTreeSequence list:
                    if (list.Children.Count > ExampleLimits.MaxPerExpectation)
                    {
                        Add(file, list, $"'examples' lists {list.Children.Count} examples; an expectation may have at most {ExampleLimits.MaxPerExpectation}");
                        return [];
                    }
                    var examples = ImmutableArray.CreateBuilder<string>();
                    foreach (var item in list.Children)
                    {
                        switch (ScalarText(item)?.Trim())
                        {
                            case null:
                                Add(file, item, "an example must be text");
                                break;
                            case { Length: 0 }:
                                Add(file, item, "an example must not be empty");
                                break;
                            case { Length: > ExampleLimits.MaxLength } text:
                                Add(file, item, $"an example is {text.Length} characters; at most {ExampleLimits.MaxLength} (an example is a sentence or two)");
                                break;
                            case var text:
                                examples.Add(text);
                                break;
                        }
                    }
                    return examples.ToImmutable();
                case var other:
                    Add(file, other, "'examples' must be a list of short texts, such as [\"Took a model to production.\"]");
                    return [];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (Necessity Necessity, YamlTreeScalar Description, ImmutableArray<string> Examples)? ReadExpectation(CatalogueFile file, string levelName, YamlTreeNode node)
        {
            if (node is not YamlTreeMapping map)
            {
                Add(file, node, $"level '{levelName}' must be a mapping with a description (and optionally necessity and examples)");
                return null;
            }
            CheckKeys(file, map, "necessity", "description", "examples");
            var examples = ReadExamples(file, map);
            var necessity = Necessity.Optional;
            if (Value(map, "necessity") is { } necessityNode)
            {
                switch (necessityNode)
                {
                    case YamlTreeScalar required when required.Is("required"): necessity = Necessity.Required; break;
                    case YamlTreeScalar optional when optional.Is("optional"): necessity = Necessity.Optional; break;
                    default:
                        Add(file, necessityNode, $"necessity must be 'required' or 'optional', not '{ScalarText(necessityNode)}'");
                        break;
                }
            }
            switch (Value(map, "description"))
            {
                case null:
                    Add(file, map, "missing required field 'description'");
                    return null;
                case YamlTreeScalar text when text.Span.IsWhiteSpace():
                    Add(file, text, "description must not be empty");
                    return null;
                case YamlTreeScalar text:
                    return (necessity, text, examples);
                case var other:
                    Add(file, other, "description must be text");
                    return null;
            }
        }

        /// <summary>A role named in a skill file: a known name or alias, or a new role with no aliases.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int RoleIndex(YamlTreeScalar written)
        {
            // Each role is named in thousands of skill files, each time written the same way: each way is looked up once.
            if (_rolesAsWritten.TryGetValue(written.Span, out var known))
            {
                return known;
            }
            var name = written.Value;
            var key = Tokenizer.Key(name);
            if (!_roleKeys.TryGetValue(key, out var index))
            {
                _roles.Add(new Role(name.Trim(), []) { Track = FirstTrack });
                _roleKeys[key] = index = _roles.Count - 1;
            }
            return _rolesAsWritten.Dictionary[name] = index;
        }

        /// <summary>The warning for a role that roles.yaml does not list, naming the listed role nearest in spelling.</summary>
        private string UnlistedRole(string name, int listed)
        {
            var message = $"role '{name.Trim()}' is not listed in roles.yaml";
            // Keys are cut so that a very long name cannot make the (stack-allocated) distance costly.
            static string Cut(string key) => key.Length > 100 ? key[..100] : key;
            var key = Cut(Tokenizer.Key(name));
            var nearest = _roleKeys
                .Where(k => k.Value < listed)
                .Select(k => (Index: k.Value, Distance: EditDistance.Bounded(key, Cut(k.Key), int.MaxValue - 1)))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Index)
                .FirstOrDefault((Index: -1, Distance: 0));
            if (nearest.Index < 0)
            {
                return $"{message}, which lists no roles: add it there";
            }
            var listedName = _roles[nearest.Index].Name;
            // A few letters off is a typo; further off, it may be a new role: name the nearest all the same.
            return nearest.Distance <= Math.Max(2, key.Length / 4)
                ? $"{message}; did you mean '{listedName}'? (if it is a new role, add it to roles.yaml)"
                : $"{message} (the nearest listed role is '{listedName}'): add it to roles.yaml, or use a listed role";
        }

        public SkillCatalogue Build(string version) => new([.. _levels], [.. _roles], [.. _skills], version);

        /// <summary>Registers a name and its aliases; reports a clash with another entry of the same kind.</summary>
        private bool Claim<T>(
            CatalogueFile file, YamlTreeNode node, string kind, string name, ImmutableArray<string> aliases,
            Dictionary<string, T> keys, T owner, Func<T, string> describe, Func<T, T, bool> same)
        {
            var ok = true;
            foreach (var key in NamesOf(name, aliases))
            {
                if (key.Length == 0)
                {
                    Add(file, node, $"{kind} '{name}' has a name or alias without letters or digits");
                    ok = false;
                }
                else if (keys.TryGetValue(key, out var existing) && !same(existing, owner))
                {
                    Add(file, node, $"'{key}' is claimed by {describe(existing)} and {kind} '{name}'");
                    ok = false;
                }
            }
            if (ok)
            {
                foreach (var key in NamesOf(name, aliases))
                {
                    keys[key] = owner;
                }
            }
            return ok;
        }

        private static IEnumerable<string> NamesOf(string name, ImmutableArray<string> aliases) =>
            aliases.Prepend(name).Select(Tokenizer.Key).Distinct();
    }
}
