using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace SkillBot.Core.Catalogue;

/// <summary>
/// The rows an export writes, in the columns <see cref="CsvImport"/> reads (the required ones, then the optional
/// ones that carry aliases, dates and examples, one example a line), one per expectation in catalogue order; and what import could not give back.
/// </summary>
public sealed record CatalogueRows(ImmutableArray<string> Header, ImmutableArray<CatalogueRow> Rows, ImmutableArray<string> Warnings);

/// <summary>One expectation as a row; <see cref="Domain"/> is kept apart so a workbook can put each domain on its own sheet.</summary>
public sealed record CatalogueRow(string Domain, ImmutableArray<string> Cells);

/// <summary>A catalogue written out for people and spreadsheets: rows, CSV text, Markdown pages. Pure: no I/O.</summary>
public static class CatalogueExport
{
    public static CatalogueRows Rows(SkillCatalogue catalogue)
    {
        var warnings = new List<string>();
        var defaultLadder = catalogue.Levels.Length == CatalogueLoader.DefaultLadder.Length
            && catalogue.Levels.Zip(CatalogueLoader.DefaultLadder).All(p =>
                p.First.Name == p.Second.Name && p.First.Aliases.SequenceEqual(p.Second.Aliases, StringComparer.Ordinal));
        if (!defaultLadder && !catalogue.HasTracks)
        {
            warnings.Add($"the ladder ({string.Join(", ", catalogue.Levels.Select(l => l.Name))}) is not SkillBot's default: a spreadsheet has no place for it, so import would give the default ladder back; keep levels.yaml");
        }
        if (catalogue.HasTracks)
        {
            warnings.AddRange(LadderWarnings(catalogue));
        }
        foreach (var unused in catalogue.Roles.Where(r => catalogue.SkillsOf(r).IsEmpty))
        {
            warnings.Add($"role '{unused.Name}' has no expectations, so no row carries it and import would not give it back");
        }
        var aliases = catalogue.Skills.SelectMany(s => s.Aliases.Select(a => (s.Name, a)))
            .Concat(catalogue.Roles.SelectMany(r => r.Aliases.Select(a => (r.Name, a))));
        if (catalogue.HasTracks)
        {
            aliases = aliases.Concat(catalogue.Tracks.SelectMany(t => t.Aliases.Select(a => (t.Name!, a))))
                .Concat(catalogue.Levels.SelectMany(l => l.Aliases.Select(a => (l.Name, a))));
        }
        foreach (var (name, alias) in aliases.Where(p => p.a.Contains(CsvImport.AliasSeparator)))
        {
            warnings.Add($"alias '{alias}' of '{name}' contains '{CsvImport.AliasSeparator}', which separates aliases in a spreadsheet: import would read it as two");
        }

        static string Joined(IEnumerable<string> values) => string.Join(CsvImport.AliasSeparator + " ", values);
        var rows = ImmutableArray.CreateBuilder<CatalogueRow>();
        foreach (var skill in catalogue.Skills)
        {
            var skillAliases = Joined(skill.Aliases);
            var updated = skill.Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            var owners = Joined(skill.Owners);
            foreach (var role in skill.Roles)
            {
                var roleAliases = Joined(role.Role.Aliases);
                foreach (var e in role.ByLevel.OfType<Expectation>())
                {
                    string[] cells =
                    [
                        skill.Domain, skill.Name, role.Role.Name, e.Level.Name, CatalogueDiff.Name(e.Necessity), e.Description, skillAliases, roleAliases, updated,
                        string.Join('\n', e.Examples), owners, role.Role.Description ?? "",
                    ];
                    rows.Add(new CatalogueRow(skill.Domain, catalogue.HasTracks
                        ? [.. cells, role.Role.Track.Name ?? "", Joined(role.Role.Track.Aliases), Joined(e.Level.Aliases)]
                        : [.. cells]));
                }
            }
        }
        var header = catalogue.HasTracks ? CsvImport.OptionalColumns : CsvImport.OptionalColumns.RemoveRange(CsvImport.TrackColumns);
        return new CatalogueRows([.. CsvImport.Columns, .. header], rows.ToImmutable(), [.. warnings]);
    }

    /// <summary>
    /// What import could not give back of the tracks: a level no row names, and two levels next to each other on a
    /// track that no skill gives one role both of (rows are the only thing that shows a level's place).
    /// </summary>
    private static IEnumerable<string> LadderWarnings(SkillCatalogue catalogue)
    {
        var used = new HashSet<Level>();
        var adjacent = new HashSet<(Level, Level)>();
        foreach (var role in catalogue.Skills.SelectMany(s => s.Roles))
        {
            var given = role.ByLevel.OfType<Expectation>().Select(e => e.Level).ToList();
            used.UnionWith(given);
            adjacent.UnionWith(given.Zip(given.Skip(1)).Where(p => p.First.Track == p.Second.Track && p.Second.Position == p.First.Position + 1));
        }
        foreach (var track in catalogue.Tracks)
        {
            var levels = catalogue.LevelsOf(track);
            foreach (var level in levels.Where(l => !used.Contains(l)))
            {
                yield return $"level '{level.Name}' of track '{track.Name}' has no expectations, so no row carries it and import would not give it back; keep levels.yaml";
            }
            foreach (var (lower, higher) in levels.Zip(levels.Skip(1)).Where(p => used.Contains(p.First) && used.Contains(p.Second) && !adjacent.Contains(p)))
            {
                yield return $"no role has both '{lower.Name}' and '{higher.Name}' of track '{track.Name}' in one skill, so import could not tell which is higher; keep levels.yaml";
            }
        }
    }

    /// <summary>RFC 4180 CSV (CRLF, quoted where needed), each cell guarded against being run as a formula.</summary>
    public static string Csv(CatalogueRows rows)
    {
        var csv = new StringBuilder();
        void Line(IEnumerable<string> cells) =>
            csv.Append(string.Join(',', cells.Select(c => Quote(SpreadsheetText.Guard(c))))).Append("\r\n");
        Line(rows.Header);
        foreach (var row in rows.Rows)
        {
            Line(row.Cells);
        }
        return csv.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 || cell != cell.Trim() ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    /// <summary>
    /// A framework site: index.md listing the roles, and one page per role (roles/&lt;role&gt;.md) with each skill it
    /// has, by domain, as a table of its levels.
    /// </summary>
    public static ImmutableArray<CatalogueFile> MarkdownPages(SkillCatalogue catalogue)
    {
        var pages = ImmutableArray.CreateBuilder<CatalogueFile>();
        var paths = new CsvImport.UniquePaths();
        var index = new StringBuilder()
            .AppendLine("# Career framework")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Levels, lowest first: {string.Join(" → ", catalogue.Levels.Select(l => Escape(l.Name)))}.")
            .AppendLine()
            .AppendLine("## Roles")
            .AppendLine();
        foreach (var role in catalogue.Roles.Where(r => !catalogue.SkillsOf(r).IsEmpty))
        {
            var path = paths.Claim("roles/" + CsvImport.Slug(role.Name, "role"))[..^".yaml".Length] + ".md";
            index.AppendLine(CultureInfo.InvariantCulture, $"- [{Escape(role.Name)}]({path})");
            pages.Add(new CatalogueFile(path, RolePage(catalogue, role)));
        }
        pages.Insert(0, new CatalogueFile("index.md", index.ToString()));
        return pages.ToImmutable();
    }

    private static string RolePage(SkillCatalogue catalogue, Role role)
    {
        var page = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"# {Escape(role.Name)}").AppendLine();
        if (role.Aliases.Length > 0)
        {
            page.AppendLine(CultureInfo.InvariantCulture, $"Also called: {string.Join(", ", role.Aliases.Select(Escape))}.").AppendLine();
        }
        page.AppendLine("[All roles](../index.md)").AppendLine();
        foreach (var domain in catalogue.SkillsOf(role).GroupBy(s => s.Domain, StringComparer.OrdinalIgnoreCase))
        {
            page.AppendLine(CultureInfo.InvariantCulture, $"## {Escape(domain.Key)}").AppendLine();
            foreach (var skill in domain)
            {
                page.AppendLine(CultureInfo.InvariantCulture, $"### {Escape(skill.Name)}").AppendLine();
                if (skill.Updated is { } updated)
                {
                    page.AppendLine(CultureInfo.InvariantCulture, $"Updated {updated:yyyy-MM-dd}.").AppendLine();
                }
                page.AppendLine("| Level | Necessity | Expectation |").AppendLine("|---|---|---|");
                foreach (var level in catalogue.Levels)
                {
                    var e = skill.For(role)!.At(level);
                    page.AppendLine(CultureInfo.InvariantCulture,
                        $"| {Escape(level.Name)} | {(e is null ? "" : CatalogueDiff.Name(e.Necessity))} | {(e is null ? "*no expectation at this level*" : Escape(e.Description))} |");
                }
                page.AppendLine();
            }
        }
        return page.ToString();
    }

    /// <summary>Markdown's punctuation escaped and line breaks made spaces, so catalogue text cannot make a link, a heading, a tag or break a table.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            // Inline text never starts a line, so only what is special anywhere in a line needs escaping.
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '<' or '>' or '~')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
