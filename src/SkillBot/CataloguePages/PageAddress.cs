using System.Web;
using SkillBot.Cards.Pages;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;

namespace SkillBot.CataloguePages;

/// <summary>
/// A link to a catalogue page read back into the question it shows, for unfurling it in Slack and Teams: the page's
/// names (slugs or aliases) resolved in the served catalogue into a card action. Only links under the public URL count.
/// </summary>
public static class PageAddress
{
    /// <summary>The action whose answer the page at <paramref name="url"/> shows, or null when it is not one of our pages.</summary>
    public static CardAction? ActionFor(string? url, Uri? publicUrl, SkillCatalogue catalogue)
    {
        if (publicUrl is null || url is not { Length: <= 2000 } || !Uri.TryCreate(url, UriKind.Absolute, out var link)
            || !string.Equals(link.Host, publicUrl.Host, StringComparison.OrdinalIgnoreCase) || link.Port != publicUrl.Port
            || link.Scheme is not ("https" or "http"))
        {
            return null;
        }
        var root = publicUrl.AbsolutePath.TrimEnd('/') + CataloguePaths.Root;
        var path = link.AbsolutePath;
        if (!path.StartsWith(root, StringComparison.Ordinal) || (path.Length > root.Length && path[root.Length] != '/'))
        {
            return null;
        }
        var segments = path[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var anchor = Uri.UnescapeDataString(link.Fragment.TrimStart('#'));
        var slugs = CatalogueSlugs.Of(catalogue);
        string? Skill(string s) => slugs.Skills.Find(s, out _)?.Name;
        string? Role(string s) => slugs.Roles.Find(s, out _)?.Name;
        string? Level(string s) => slugs.Levels.Find(s, out _)?.Name;
        return segments switch
        {
            [] => CardAction.Ask(""),
            ["search"] => CardAction.Ask(HttpUtility.ParseQueryString(link.Query)["q"] ?? ""),
            ["skills", var skill] when Skill(skill) is { } name => OnSkillPage(name, anchor, slugs),
            ["roles", var role, var level] when Role(role) is { } r && Level(level) is { } l => CardAction.Answer(null, r, l),
            ["compare", "levels", var role, var from, var to] when Role(role) is { } r && Level(from) is { } f && Level(to) is { } t =>
                anchor.Length > 0 && Skill(anchor) is { } skill ? CardAction.Answer(skill, r, f, t) : CardAction.Answer(null, r, f),
            // Buttons cannot ask for two roles: the first role's profile at the level (or its expectation in the anchor's skill) stands for the comparison.
            ["compare", "moves", var role, var level, _, _] when Role(role) is { } r && Level(level) is { } l =>
                CardAction.Answer(anchor.Length > 0 ? Skill(anchor) : null, r, l),
            ["compare", "roles", var role, _, var level] when Role(role) is { } r && Level(level) is { } l => CardAction.Answer(null, r, l),
            _ => null,
        };
    }

    /// <summary>A skill's page: its ladder, or with an anchor one role's ladder (ROLE) or one rung (ROLE--LEVEL).</summary>
    private static CardAction OnSkillPage(string skill, string anchor, CatalogueSlugs slugs)
    {
        var parts = anchor.Split("--");
        var role = parts[0].Length > 0 ? slugs.Roles.Find(parts[0], out _)?.Name : null;
        var level = parts.Length == 2 ? slugs.Levels.Find(parts[1], out _)?.Name : null;
        return CardAction.Answer(skill, role, role is null ? null : level);
    }
}
