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
public static class CsvImport
{
    public static readonly ImmutableArray<string> Columns = ["domain", "skill", "role", "level", "necessity", "description"];

    /// <summary>
    /// Columns a CSV may have besides <see cref="Columns"/>. <c>examples</c> (format 1.1) holds an expectation's
    /// examples, one per line of the cell (a quoted cell with line breaks; Alt+Enter in a spreadsheet).
    /// </summary>
    public static readonly ImmutableArray<string> OptionalColumns = ["examples"];

    private static readonly ImmutableArray<string> AllColumns = [.. Columns, .. OptionalColumns];

    /// <summary>Longer names are certainly a mistake (a description in the wrong column), and YAML keys have a limit.</summary>
    public const int MaxNameLength = 200;

    private const string SchemaComment = "# yaml-language-server: $schema=";

    public static CsvImportResult Import(string csv)
    {
        var problems = new List<CsvProblem>();
        var records = CsvReader.Read(csv, problems);
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
        var rows = records.Skip(1).Select(r => ReadRow(r, columns, problems)).OfType<Row>().ToList();
        var skills = Group(rows, problems);
        return problems.Count > 0
            ? Failed(problems, records.Count - 1)
            : new CsvImportResult([.. WriteFiles(skills)], [], records.Count - 1);
    }

    private static CsvImportResult Failed(List<CsvProblem> problems, int rows) =>
        new([], [.. problems.OrderBy(p => p.Line)], rows);

    /// <summary>
    /// Where each column is (by <see cref="AllColumns"/>; -1 for an optional column the header lacks): any order and
    /// case, each required column exactly once, an optional one at most once, nothing else.
    /// </summary>
    private static int[]? ColumnOrder(CsvRecord header, List<CsvProblem> problems)
    {
        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var expected = $"{string.Join(',', Columns)}, and optionally {string.Join(',', OptionalColumns)}";
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

    private sealed record Row(int Line, string Domain, string Skill, string Role, Level Level, Necessity Necessity, string Description)
    {
        public ImmutableArray<string> Examples { get; init; } = [];
    }

    private static Row? ReadRow(CsvRecord record, int[] columns, List<CsvProblem> problems)
    {
        var fields = columns.Count(c => c >= 0);
        if (record.Fields.Count != fields)
        {
            problems.Add(new CsvProblem(record.Line,
                $"expected {fields} fields ({string.Join(',', AllColumns.Where((_, i) => columns[i] >= 0))}), found {record.Fields.Count}"));
            return null;
        }
        var before = problems.Count;
        string Field(string column) => columns[AllColumns.IndexOf(column)] is var at and >= 0 ? record.Fields[at].Trim() : "";
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
        var levelName = Field("level");
        var level = LevelNamed(levelName);
        if (levelName.Length == 0)
        {
            problems.Add(new CsvProblem(record.Line, "level is empty"));
        }
        else if (level is null)
        {
            problems.Add(new CsvProblem(record.Line,
                $"unknown level '{levelName}' (the ladder is {string.Join(", ", Ladder.Select(l => l.Name))}; aliases such as jr, mid, sr and L1-L5 work too)"));
        }
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
        var examples = ReadExamples(record.Line, Field("examples"), problems);
        return problems.Count > before ? null : new Row(record.Line, domain, skill, role, level!, necessity!.Value, description) { Examples = examples };
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

    private static readonly ImmutableArray<Level> Ladder =
        [.. CatalogueLoader.DefaultLadder.Select((l, i) => new Level(i + 1, l.Name, [.. l.Aliases]))];

    private static Level? LevelNamed(string name)
    {
        var key = Tokenizer.Key(name);
        return Ladder.FirstOrDefault(l => Tokenizer.Key(l.Name) == key || l.Aliases.Any(a => Tokenizer.Key(a) == key));
    }

    private sealed record ImportedSkill(string Name, string Domain, int Line, List<(string Role, Row?[] ByLevel)> Roles);

    /// <summary>Rows by skill, then role, then level, in the order the CSV first names them, with names spelt as first written.</summary>
    private static List<ImportedSkill> Group(List<Row> rows, List<CsvProblem> problems)
    {
        var skills = new Dictionary<string, ImportedSkill>(StringComparer.Ordinal);
        var roleNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var domainNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (!domainNames.TryGetValue(row.Domain, out var domain))
            {
                domainNames[row.Domain] = domain = row.Domain;
            }
            var roleKey = Tokenizer.Key(row.Role);
            if (!roleNames.TryGetValue(roleKey, out var role))
            {
                roleNames[roleKey] = role = row.Role;
            }
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
            var byLevel = skill.Roles.FirstOrDefault(r => r.Role == role).ByLevel;
            if (byLevel is null)
            {
                byLevel = new Row?[Ladder.Length];
                skill.Roles.Add((role, byLevel));
            }
            if (byLevel[row.Level.Number - 1] is { } earlier)
            {
                problems.Add(new CsvProblem(row.Line,
                    $"{skill.Name} / {role} / {row.Level.Name} is already given on line {earlier.Line}"));
                continue;
            }
            byLevel[row.Level.Number - 1] = row;
        }
        return [.. skills.Values];
    }

    private static IEnumerable<CatalogueFile> WriteFiles(List<ImportedSkill> skills)
    {
        yield return new CatalogueFile(CatalogueLoader.LevelsFile, LevelsYaml());
        yield return new CatalogueFile(CatalogueLoader.RolesFile, RolesYaml(skills.SelectMany(s => s.Roles.Select(r => r.Role)).Distinct()));
        var paths = new UniquePaths();
        foreach (var skill in skills)
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

    private static string RolesYaml(IEnumerable<string> roles)
    {
        var yaml = new StringBuilder()
            .AppendLine(SchemaComment + "schemas/roles.schema.json")
            .AppendLine("# Add aliases (e.g. aliases: [DS, data science]) so people can name a role their own way.")
            .AppendLine("roles:");
        foreach (var role in roles)
        {
            yaml.AppendLine($"  - name: {YamlText.Scalar(role)}");
        }
        return yaml.ToString().ReplaceLineEndings("\n");
    }

    private static string SkillYaml(ImportedSkill skill, string schema)
    {
        var yaml = new StringBuilder()
            .AppendLine(SchemaComment + schema)
            .AppendLine($"skill: {YamlText.Scalar(skill.Name)}")
            .AppendLine($"domain: {YamlText.Scalar(skill.Domain)}")
            .AppendLine("roles:");
        foreach (var (role, byLevel) in skill.Roles)
        {
            yaml.AppendLine($"  {YamlText.Scalar(role)}:");
            foreach (var row in byLevel.OfType<Row>())
            {
                yaml.AppendLine($"    {YamlText.Scalar(row.Level.Name)}:")
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
