using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace SkillBot.Core.Catalogue;

/// <summary>A <see cref="CatalogueDiff"/> written for people: plain text, Markdown (a release note, a pull request) or a short summary.</summary>
public static class CatalogueDiffReport
{
    /// <summary>One line a change, then its before and after (indented) and any suggestion; the counts last.</summary>
    public static string Text(CatalogueDiff diff)
    {
        var text = new StringBuilder();
        foreach (var change in diff.Changes)
        {
            text.Append(Symbol(change.Kind)).Append(' ').AppendLine(Headline(change, quote: s => $"'{s}'"));
            if (change is { Kind: DiffKind.Changed, Subject: DiffSubject.Expectation })
            {
                text.Append("    before: ").AppendLine(OneLine(change.Before))
                    .Append("    after:  ").AppendLine(OneLine(change.After));
            }
            if (change.Suggestion is { } suggestion)
            {
                text.Append("    suggestion: ").AppendLine(suggestion);
            }
        }
        return text.AppendLine(Counts(diff)).ToString();
    }

    /// <summary>A heading, then a bulleted section per kind of thing; catalogue text is escaped so it stays text.</summary>
    public static string Markdown(CatalogueDiff diff)
    {
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## Catalogue changes ({diff.OldVersion} → {diff.NewVersion})")
            .AppendLine()
            .AppendLine(Counts(diff));
        foreach (var section in diff.Changes.GroupBy(c => c.Subject == DiffSubject.Alias ? DiffSubject.Alias : c.Subject).OrderBy(g => g.Key))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {SectionTitle(section.Key)}").AppendLine();
            foreach (var change in section)
            {
                md.Append("- **").Append(KindWord(change.Kind)).Append("** ").AppendLine(Headline(change, quote: s => $"*{Escape(s)}*"));
                if (change is { Kind: DiffKind.Changed, Subject: DiffSubject.Expectation })
                {
                    md.Append("  - before: ").AppendLine(Escape(OneLine(change.Before)))
                      .Append("  - after: ").AppendLine(Escape(OneLine(change.After)));
                }
                if (change.Suggestion is { } suggestion)
                {
                    md.Append("  - suggestion: ").AppendLine(Escape(suggestion));
                }
            }
        }
        return md.ToString();
    }

    /// <summary>The counts and the first <paramref name="lines"/> headlines: what an announcement says.</summary>
    public static string Summary(CatalogueDiff diff, int lines)
    {
        var text = new StringBuilder().AppendLine(Counts(diff));
        foreach (var change in diff.Changes.Take(lines))
        {
            text.Append("• ").Append(KindWord(change.Kind)).Append(' ').AppendLine(Headline(change, quote: s => $"'{Clip(s, 120)}'"));
        }
        if (diff.Changes.Length > lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"… and {diff.Changes.Length - lines} more.");
        }
        return text.ToString().TrimEnd();
    }

    public static string Counts(CatalogueDiff diff)
    {
        if (diff.IsEmpty)
        {
            return $"No differences (version {diff.OldVersion}).";
        }
        var parts = new[] { DiffKind.Added, DiffKind.Removed, DiffKind.Changed, DiffKind.Renamed }
            .Select(k => (Kind: k, Count: diff.Changes.Count(c => c.Kind == k)))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {KindWord(p.Kind).ToLowerInvariant()}");
        return $"{diff.Changes.Length} difference(s): {string.Join(", ", parts)} (version {diff.OldVersion} → {diff.NewVersion}).";
    }

    private static string Symbol(DiffKind kind) => kind switch
    {
        DiffKind.Added => "+",
        DiffKind.Removed => "-",
        DiffKind.Changed => "~",
        _ => ">",
    };

    private static string KindWord(DiffKind kind) => kind switch
    {
        DiffKind.Added => "Added",
        DiffKind.Removed => "Removed",
        DiffKind.Changed => "Changed",
        _ => "Renamed",
    };

    private static string SectionTitle(DiffSubject subject) => subject switch
    {
        DiffSubject.Track => "Tracks",
        DiffSubject.Level => "Levels",
        DiffSubject.Role => "Roles",
        DiffSubject.Skill => "Skills",
        DiffSubject.Alias => "Aliases",
        _ => "Expectations",
    };

    /// <summary>What changed and where, in one line: "expectation 'Deep Learning' / 'Data Scientist' / 'Senior': necessity optional → required".</summary>
    private static string Headline(CatalogueChange change, Func<string, string> quote)
    {
        var where = change.Subject switch
        {
            DiffSubject.Track => $"track {quote(change.Track!)}",
            DiffSubject.Level => $"level {quote(change.Level!)}{OfTrack(change, quote)}",
            DiffSubject.Role => $"role {quote(change.Role!)}",
            DiffSubject.Skill => $"skill {quote(change.Skill!)}",
            DiffSubject.Alias => $"alias {quote((change.After ?? change.Before)!)} of " + (change.Skill is { } s ? $"skill {quote(s)}" : change.Role is { } r ? $"role {quote(r)}"
                : change.Level is { } l ? $"level {quote(l)}{OfTrack(change, quote)}" : $"track {quote(change.Track!)}"),
            _ => $"expectation {quote(change.Skill!)} / {quote(change.Role!)} / {quote(change.Level!)}",
        };
        return change switch
        {
            { Kind: DiffKind.Renamed } => $"{where}: was {quote(change.Before!)}",
            { Subject: DiffSubject.Expectation, Kind: DiffKind.Added } => $"{where}: {Clip(OneLine(change.After), 160)}",
            { Subject: DiffSubject.Expectation, Kind: DiffKind.Removed } => $"{where}: {Clip(OneLine(change.Before), 160)}",
            { Subject: DiffSubject.Expectation, Field: "description" } => $"{where}: description",
            { Kind: DiffKind.Changed } => $"{where}: {change.Field} {quote(change.Before ?? "(none)")} → {quote(change.After ?? "(none)")}",
            _ => where,
        };
    }

    /// <summary>A level's track, where the catalogue has tracks (a level moved to another track says both in its change).</summary>
    private static string OfTrack(CatalogueChange change, Func<string, string> quote) =>
        change.Track is { } track && change.Field != "track" ? $" of track {quote(track)}" : "";

    private static string OneLine(string? text) => (text ?? "").ReplaceLineEndings(" ");

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    private static string Escape(string text) => CatalogueExport.Escape(text);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(CatalogueDiff))]
public sealed partial class CatalogueDiffJsonContext : JsonSerializerContext;
