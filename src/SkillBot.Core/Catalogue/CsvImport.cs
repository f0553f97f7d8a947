using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SkillBot.Core.Text;

namespace SkillBot.Core.Catalogue;

/// <summary>The catalogue files written from a CSV file, or every bad row (never both).</summary>
public sealed record CsvImportResult(ImmutableArray<CatalogueFile> Files, ImmutableArray<CsvProblem> Problems, int Rows)
{
    public bool Succeeded => Problems.IsEmpty;
}

/// <summary>
/// Turns a spreadsheet export (one row per expectation: domain, skill, role, level, necessity,
/// description) into catalogue format v1 files: levels.yaml (the default ladder, written out so it can
/// be edited), roles.yaml, and skills/&lt;domain&gt;/&lt;skill&gt;.yaml. Names are matched the way the
/// loader matches them, so the files load back with exactly the CSV's content. Pure: no I/O.
/// </summary>
public static partial class CsvImport
{
    public static readonly ImmutableArray<string> Columns = ["domain", "skill", "role", "level", "necessity", "description"];

    /// <summary>
    /// Career tracks (format 1.1): the role's track on each of its rows, the track's aliases and the level's aliases.
    /// A sheet that gives a track on any row gives one on every row, and its ladders are its own: each track's levels,
    /// lowest first, in the order the rows of each skill and role list them (the order a level is first named breaks ties).
    /// Without a track the ladder is SkillBot's default, as before.
    /// </summary>
    public static readonly ImmutableArray<string> TrackColumns = ["track", "track aliases", "level aliases"];

    /// <summary>
    /// Columns a sheet may add, so that an export carries the whole catalogue: a skill's and a role's aliases
    /// (separated by <see cref="AliasSeparator"/>), a skill's updated date and its owners (format 1.1, separated like
    /// aliases), a role's description, each repeated on each of its rows; <c>examples</c> (format 1.1), an
    /// expectation's examples, one per line of the cell (Alt+Enter in a spreadsheet); and the <see cref="TrackColumns"/>.
    /// </summary>
    public static readonly ImmutableArray<string> OptionalColumns =
        ["skill aliases", "role aliases", "updated", "examples", "owners", "role description", .. TrackColumns];

    public const char AliasSeparator = ';';

    /// <summary>Longer names are certainly a mistake (a description in the wrong column), and YAML keys have a limit.</summary>
    public const int MaxNameLength = 200;

    private const string SchemaComment = "# yaml-language-server: $schema=";

    public static CsvImportResult Import(string csv)
    {
        var problems = new List<CsvProblem>();
        var records = CsvReader.Read(csv, problems);
        return Import(records, problems, SpreadsheetText.Unguard);
    }

    /// <summary>
    /// Rows read from a workbook's sheet, the header first: the same checks as a CSV file's. A workbook's cells hold
    /// their text as it is (a formula-like one is marked as text by its style, not by an apostrophe), so nothing is taken off.
    /// </summary>
    public static CsvImportResult Import(IReadOnlyList<CsvRecord> records) => Import(records, [], cell => cell);

    private static CsvImportResult Import(IReadOnlyList<CsvRecord> records, List<CsvProblem> problems, Func<string, string> cellText)
    {
        if (records.Count == 0)
        {
            problems.Add(new CsvProblem(1, $"no header row: the first line must be {string.Join(',', Columns)}"));
            return Failed(problems, 0);
        }
        if (ColumnOrder(records[0], problems) is not { } columns)
        {
            return Failed(problems, records.Count - 1);
        }
        if (records.Count == 1)
        {
            problems.Add(new CsvProblem(records[0].Line, "no rows below the header"));
            return Failed(problems, 0);
        }
        var trackColumn = columns[AllColumns.IndexOf("track")];
        var withTracks = trackColumn >= 0 && records.Skip(1).Any(r => trackColumn < r.Fields.Count && cellText(r.Fields[trackColumn].Trim()).Length > 0);
        var rows = records.Skip(1).Select(r => ReadRow(r, columns, withTracks, problems, cellText)).OfType<Row>().ToList();
        var ladder = withTracks ? TrackLadders.Of(rows, problems) : null;
        // Rows whose level has no place (their track's ladder is in question) are left out; the rest are still checked.
        var skills = Group([.. rows.Where(r => r.Level is not null)], ladder?.LevelCount ?? Ladder.Length, problems);
        return problems.Count > 0
            ? Failed(problems, records.Count - 1)
            : new CsvImportResult([.. WriteFiles(skills, ladder)], [], records.Count - 1);
    }

    private static CsvImportResult Failed(List<CsvProblem> problems, int rows) =>
        new([], [.. problems.OrderBy(p => p.Line)], rows);

    /// <summary>Where each column is (-1: an optional one that is absent): any order and case, each at most once, the required ones always.</summary>
    private static int[]? ColumnOrder(CsvRecord header, List<CsvProblem> problems)
    {
        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var expected = string.Join(',', Columns) + $"; optionally {string.Join(", ", OptionalColumns)}";
        var ok = true;
        foreach (var unknown in names.Where(n => !AllColumns.Contains(n)).Distinct())
        {
            problems.Add(new CsvProblem(header.Line, $"unknown column '{unknown}' in the header (expected {expected})"));
            ok = false;
        }
        foreach (var twice in names.Where(AllColumns.Contains).GroupBy(n => n).Where(g => g.Count() > 1))
        {
            problems.Add(new CsvProblem(header.Line, $"column '{twice.Key}' appears twice in the header"));
            ok = false;
        }
        foreach (var missing in Columns.Where(c => !names.Contains(c)))
        {
            problems.Add(new CsvProblem(header.Line, $"missing column '{missing}' in the header (expected {expected})"));
            ok = false;
        }
        return ok ? [.. AllColumns.Select(c => names.IndexOf(c))] : null;
    }

    private static readonly ImmutableArray<string> AllColumns = [.. Columns, .. OptionalColumns];

    /// <summary>One expectation as read; <see cref="Level"/> is set once the ladder is known (at once with the default ladder).</summary>
    private sealed record Row(int Line, string Domain, string Skill, string Role, string LevelName, Necessity Necessity, string Description)
    {
        public Level? Level { get; set; }
        public string[]? SkillAliases { get; init; }
        public string[]? RoleAliases { get; init; }
        public DateOnly? Updated { get; init; }
        public ImmutableArray<string> Examples { get; init; } = [];
        public string[]? Owners { get; init; }
        public string? RoleDescription { get; init; }
        public string? Track { get; init; }
        public string[]? TrackAliases { get; init; }
        public string[]? LevelAliases { get; init; }
    }

    private static Row? ReadRow(CsvRecord record, int[] columns, bool withTracks, List<CsvProblem> problems, Func<string, string> cellText)
    {
        var width = columns.Count(c => c >= 0);
        if (record.Fields.Count != width)
        {
            problems.Add(new CsvProblem(record.Line,
                $"expected {width} fields ({string.Join(',', AllColumns.Where(c => columns[AllColumns.IndexOf(c)] >= 0).OrderBy(c => columns[AllColumns.IndexOf(c)]))}), found {record.Fields.Count}"));
            return null;
        }
        var before = problems.Count;
        string Field(string column) =>
            columns[AllColumns.IndexOf(column)] is var at and >= 0 ? cellText(record.Fields[at].Trim()) : "";
        string[]? Aliases(string column)
        {
            var value = Field(column);
            if (value.Length == 0)
            {
                return null;
            }
            var aliases = value.Split(AliasSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var alias in aliases)
            {
                var problem = alias switch
                {
                    _ when alias.Contains('\n') => $"{column}: '{alias.ReplaceLineEndings(" ")}' must be on one line",
                    _ when alias.Length > MaxNameLength => $"{column}: an alias is {alias.Length} characters long; a name has at most {MaxNameLength}",
                    _ when Tokenizer.Key(alias).Length == 0 => $"{column}: '{alias}' has no letters or digits",
                    _ => null,
                };
                if (problem is not null)
                {
                    problems.Add(new CsvProblem(record.Line, problem));
                }
            }
            return aliases;
        }
        string Name(string column)
        {
            var value = Field(column);
            var problem = value switch
            {
                "" => $"{column} is empty",
                _ when value.Contains('\n') => $"{column} '{value.ReplaceLineEndings(" ")}' must be on one line",
                _ when value.Length > MaxNameLength => $"{column} is {value.Length} characters long; a name has at most {MaxNameLength}",
                _ when Tokenizer.Key(value).Length == 0 => $"{column} '{value}' has no letters or digits",
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add(new CsvProblem(record.Line, problem));
            }
            return value;
        }

        var domain = Name("domain");
        var skill = Name("skill");
        var role = Name("role");
        var levelName = withTracks ? Name("level") : Field("level");
        Level? level = null;
        if (!withTracks)
        {
            level = LevelNamed(levelName);
            if (levelName.Length == 0)
            {
                problems.Add(new CsvProblem(record.Line, "level is empty"));
            }
            else if (level is null)
            {
                problems.Add(new CsvProblem(record.Line,
                    $"unknown level '{levelName}' (the ladder is {string.Join(", ", Ladder.Select(l => l.Name))}; aliases such as jr, mid, sr and L1-L5 work too)"));
            }
            foreach (var column in TrackColumns.Skip(1).Where(c => Field(c).Length > 0))
            {
                problems.Add(new CsvProblem(record.Line, $"{column} are given, but no row gives a track: give each row its role's track, or leave {column} empty (the default ladder has its own aliases)"));
            }
        }
        var track = withTracks ? Name("track") : null;
        var necessity = Field("necessity").ToLowerInvariant() switch
        {
            "" or "optional" => Necessity.Optional,
            "required" => Necessity.Required,
            _ => (Necessity?)null,
        };
        if (necessity is null)
        {
            problems.Add(new CsvProblem(record.Line, $"necessity must be required or optional (or empty for optional), not '{Field("necessity")}'"));
        }
        var description = Field("description");
        if (description.Length == 0)
        {
            problems.Add(new CsvProblem(record.Line, "description is empty"));
        }
        var skillAliases = Aliases("skill aliases");
        var roleAliases = Aliases("role aliases");
        DateOnly? updated = null;
        if (Field("updated") is { Length: > 0 } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                updated = parsed;
            }
            else
            {
                problems.Add(new CsvProblem(record.Line, $"updated must be a date as YYYY-MM-DD, not '{date.ReplaceLineEndings(" ")}'"));
            }
        }
        var examples = ReadExamples(record.Line, Field("examples"), problems);
        var owners = ReadOwners(record.Line, Field("owners"), problems);
        var roleDescription = Field("role description") is { Length: > 0 } text ? text : null;
        var trackAliases = withTracks ? Aliases("track aliases") : null;
        var levelAliases = withTracks ? Aliases("level aliases") : null;
        return problems.Count > before
            ? null
            : new Row(record.Line, domain, skill, role, levelName, necessity!.Value, description)
            {
                Level = level,
                SkillAliases = skillAliases,
                RoleAliases = roleAliases,
                Updated = updated,
                Examples = examples,
                Owners = owners,
                RoleDescription = roleDescription,
                Track = track,
                TrackAliases = trackAliases,
                LevelAliases = levelAliases,
            };
    }

    /// <summary>One example per line of the cell, blank lines skipped, within the loader's limits.</summary>
    private static ImmutableArray<string> ReadExamples(int line, string cell, List<CsvProblem> problems)
    {
        var examples = cell.ReplaceLineEndings("\n").Split('\n').Select(e => e.Trim()).Where(e => e.Length > 0).ToImmutableArray();
        if (examples.Length > ExampleLimits.MaxPerExpectation)
        {
            problems.Add(new CsvProblem(line, $"examples has {examples.Length} lines; an expectation may have at most {ExampleLimits.MaxPerExpectation} examples (one per line)"));
        }
        foreach (var (example, index) in examples.Select((e, i) => (e, i + 1)))
        {
            if (example.Length > ExampleLimits.MaxLength)
            {
                problems.Add(new CsvProblem(line, $"example {index} is {example.Length} characters; at most {ExampleLimits.MaxLength} (an example is a sentence or two)"));
            }
        }
        return examples;
    }

    /// <summary>A skill's owners, separated like aliases, each of a shape a question can reach (format 1.1).</summary>
    private static string[]? ReadOwners(int line, string cell, List<CsvProblem> problems)
    {
        if (cell.Length == 0)
        {
            return null;
        }
        var owners = cell.Split(AliasSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (owners.Length > Owners.MaxPerSkill)
        {
            problems.Add(new CsvProblem(line, $"owners has {owners.Length} entries; a skill may have at most {Owners.MaxPerSkill}"));
        }
        foreach (var owner in owners.Where(o => Owners.KindOf(o) is null))
        {
            problems.Add(new CsvProblem(line, $"owners: '{owner.ReplaceLineEndings(" ")}' is not {Owners.Shapes}; separate owners with '{AliasSeparator}'"));
        }
        return owners;
    }

    private static readonly ImmutableArray<Level> Ladder =
        [.. CatalogueLoader.DefaultLadder.Select((l, i) => new Level(i + 1, l.Name, [.. l.Aliases]))];

    private static Level? LevelNamed(string name)
    {
        var key = Tokenizer.Key(name);
        return Ladder.FirstOrDefault(l => Tokenizer.Key(l.Name) == key || l.Aliases.Any(a => Tokenizer.Key(a) == key));
    }

    private sealed record ImportedSkill(string Name, string Domain, int Line, List<(string Role, Row?[] ByLevel)> Roles)
    {
        public Row? Aliases { get; set; }
        public Row? Updated { get; set; }
        public Row? Owners { get; set; }
    }

    /// <summary>A role as rows give it: its name as first written, and the first row giving its aliases, description and track.</summary>
    private sealed record ImportedRole(string Name)
    {
        public Row? Aliases { get; set; }
        public Row? Description { get; set; }
        public Row? Track { get; set; }
    }

    private sealed record ImportedSkills(List<ImportedSkill> Skills, List<ImportedRole> Roles);

    /// <summary>
    /// A value repeated on every row of a skill or role (aliases, a date): the first row that gives it sets it,
    /// and a later row that gives another is a mistake worth naming rather than a silent choice.
    /// </summary>
    private static void Agree<T>(Row row, T? value, ref Row? first, Func<Row, T?> of, string what, List<CsvProblem> problems)
    {
        if (value is null)
        {
            return;
        }
        if (first is null)
        {
            first = row;
        }
        else if (!Same(of(first), value))
        {
            problems.Add(new CsvProblem(row.Line, $"{what} differ from line {first.Line}: give them the same on every row, or leave the cell empty"));
        }
    }

    private static bool Same<T>(T? a, T? b) => a is string[] x && b is string[] y ? x.SequenceEqual(y) : Equals(a, b);

    /// <summary>Rows by skill, then role, then level, in the order the CSV first names them, with names spelt as first written.</summary>
    private static ImportedSkills Group(List<Row> rows, int levelCount, List<CsvProblem> problems)
    {
        var skills = new Dictionary<string, ImportedSkill>(StringComparer.Ordinal);
        var roles = new Dictionary<string, ImportedRole>(StringComparer.Ordinal);
        var domainNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (!domainNames.TryGetValue(row.Domain, out var domain))
            {
                domainNames[row.Domain] = domain = row.Domain;
            }
            var roleKey = Tokenizer.Key(row.Role);
            if (!roles.TryGetValue(roleKey, out var importedRole))
            {
                roles[roleKey] = importedRole = new ImportedRole(row.Role);
            }
            var role = importedRole.Name;
            var first = importedRole.Aliases;
            Agree(row, row.RoleAliases, ref first, r => r.RoleAliases, $"role aliases of {role}", problems);
            importedRole.Aliases = first;
            first = importedRole.Description;
            Agree(row, row.RoleDescription, ref first, r => r.RoleDescription, $"role descriptions of {role}", problems);
            importedRole.Description = first;
            first = importedRole.Track;
            Agree(row, row.Track is null ? null : Tokenizer.Key(row.Track), ref first, r => Tokenizer.Key(r.Track!), $"tracks of {role} (a role is on one track)", problems);
            importedRole.Track = first;
            var skillKey = Tokenizer.Key(row.Skill);
            if (!skills.TryGetValue(skillKey, out var skill))
            {
                skills[skillKey] = skill = new ImportedSkill(row.Skill, domain, row.Line, []);
            }
            else if (!string.Equals(skill.Domain, domain, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new CsvProblem(row.Line,
                    $"skill '{skill.Name}' is in domain '{skill.Domain}' on line {skill.Line} but in '{row.Domain}' here: a skill belongs to one domain"));
                continue;
            }
            first = skill.Aliases;
            Agree(row, row.SkillAliases, ref first, r => r.SkillAliases, $"skill aliases of {skill.Name}", problems);
            skill.Aliases = first;
            first = skill.Updated;
            Agree(row, row.Updated, ref first, r => r.Updated, $"updated dates of {skill.Name}", problems);
            skill.Updated = first;
            first = skill.Owners;
            Agree(row, row.Owners, ref first, r => r.Owners, $"owners of {skill.Name}", problems);
            skill.Owners = first;
            var byLevel = skill.Roles.FirstOrDefault(r => r.Role == role).ByLevel;
            if (byLevel is null)
            {
                byLevel = new Row?[levelCount];
                skill.Roles.Add((role, byLevel));
            }
            var level = row.Level!;
            if (byLevel[level.Number - 1] is { } earlier)
            {
                problems.Add(new CsvProblem(row.Line,
                    $"{skill.Name} / {role} / {level.Name} is already given on line {earlier.Line}"));
                continue;
            }
            byLevel[level.Number - 1] = row;
        }
        return new ImportedSkills([.. skills.Values], [.. roles.Values]);
    }

    private static IEnumerable<CatalogueFile> WriteFiles(ImportedSkills imported, TrackLadders? ladder)
    {
        yield return new CatalogueFile(CatalogueLoader.LevelsFile, ladder is null ? LevelsYaml() : ladder.Yaml(SchemaComment + "schemas/levels.schema.json"));
        yield return new CatalogueFile(CatalogueLoader.RolesFile, RolesYaml(imported.Roles, ladder));
        var paths = new UniquePaths();
        foreach (var skill in imported.Skills)
        {
            var path = paths.Claim($"{CatalogueLoader.SkillsFolder}/{Slug(skill.Domain, "domain")}/{Slug(skill.Name, "skill")}");
            yield return new CatalogueFile(path, SkillYaml(skill, "../../schemas/skill.schema.json"));
        }
    }

    /// <summary>
    /// File paths, unique ignoring case: the first claim of a name gets NAME.yaml, later ones NAME-2.yaml,
    /// NAME-3.yaml and so on. Each name remembers the last number it gave, so thousands of names that slug
    /// alike (a long shared prefix cut at 60 characters) cost one pass, not a count from 2 for each.
    /// </summary>
    internal sealed class UniquePaths
    {
        private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _lastNumber = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>How many paths were tried in all: at most one per claim, plus one per path some other claim took first.</summary>
        public int Probes { get; private set; }

        public string Claim(string name)
        {
            var path = $"{name}.yaml";
            Probes++;
            if (_taken.Add(path))
            {
                return path;
            }
            var n = _lastNumber.GetValueOrDefault(name, 1);
            do
            {
                n++;
                path = $"{name}-{n.ToString(CultureInfo.InvariantCulture)}.yaml";
                Probes++;
            }
            while (!_taken.Add(path));
            _lastNumber[name] = n;
            return path;
        }
    }

    private static string LevelsYaml()
    {
        var yaml = new StringBuilder()
            .AppendLine(SchemaComment + "schemas/levels.schema.json")
            .AppendLine("# The ladder, lowest first (SkillBot's default). \"Level N\" and \"LN\" always mean the N-th entry.")
            .AppendLine("levels:");
        foreach (var (name, aliases) in CatalogueLoader.DefaultLadder)
        {
            yaml.AppendLine($"  - name: {YamlText.Scalar(name)}")
                .AppendLine($"    aliases: [{string.Join(", ", aliases.Select(YamlText.Scalar))}]");
        }
        return yaml.ToString().ReplaceLineEndings("\n");
    }

    private static string RolesYaml(List<ImportedRole> roles, TrackLadders? ladder)
    {
        var yaml = new StringBuilder()
            .AppendLine(SchemaComment + "schemas/roles.schema.json")
            .AppendLine("# Add aliases (e.g. aliases: [DS, data science]) so people can name a role their own way.")
            .AppendLine("roles:");
        foreach (var role in roles)
        {
            yaml.AppendLine($"  - name: {YamlText.Scalar(role.Name)}");
            if (role.Aliases is { RoleAliases: { } aliases })
            {
                yaml.AppendLine($"    aliases: [{string.Join(", ", aliases.Select(YamlText.Scalar))}]");
            }
            if (ladder is not null && role.Track is { Track: { } track })
            {
                yaml.AppendLine($"    track: {YamlText.Scalar(ladder.TrackName(track))}");
            }
            if (role.Description is { RoleDescription: { } description })
            {
                foreach (var line in YamlText.BlockValue("description", description, indent: 4))
                {
                    yaml.AppendLine(line);
                }
            }
        }
        return yaml.ToString().ReplaceLineEndings("\n");
    }

    private static string SkillYaml(ImportedSkill skill, string schema)
    {
        var yaml = new StringBuilder()
            .AppendLine(SchemaComment + schema)
            .AppendLine($"skill: {YamlText.Scalar(skill.Name)}")
            .AppendLine($"domain: {YamlText.Scalar(skill.Domain)}");
        if (skill.Aliases is { SkillAliases: { } aliases })
        {
            yaml.AppendLine($"aliases: [{string.Join(", ", aliases.Select(YamlText.Scalar))}]");
        }
        if (skill.Updated is { Updated: { } updated })
        {
            yaml.AppendLine($"updated: {updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }
        if (skill.Owners is { Owners: { } owners })
        {
            yaml.AppendLine($"owners: [{string.Join(", ", owners.Select(YamlText.Scalar))}]");
        }
        yaml.AppendLine("roles:");
        foreach (var (role, byLevel) in skill.Roles)
        {
            yaml.AppendLine($"  {YamlText.Scalar(role)}:");
            foreach (var row in byLevel.OfType<Row>())
            {
                yaml.AppendLine($"    {YamlText.Scalar(row.Level!.Name)}:")
                    .AppendLine($"      necessity: {(row.Necessity == Necessity.Required ? "required" : "optional")}");
                foreach (var line in YamlText.BlockValue("description", row.Description, indent: 6))
                {
                    yaml.AppendLine(line);
                }
                if (!row.Examples.IsEmpty)
                {
                    yaml.AppendLine("      examples:");
                    foreach (var example in row.Examples)
                    {
                        yaml.AppendLine($"        - {YamlText.DoubleQuoted(example)}");
                    }
                }
            }
        }
        return yaml.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>A file or folder name: lower-case letters and digits (any script) joined by '-'.</summary>
    public static string Slug(string name, string fallback)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString().Trim('-');
        if (text.Length > 60)
        {
            text = text[..60].TrimEnd('-');
        }
        return text.Length == 0 ? fallback : text;
    }
}
