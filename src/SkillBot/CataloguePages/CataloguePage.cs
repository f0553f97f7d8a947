using System.Globalization;
using SkillBot.Cards;
using SkillBot.Cards.Pages;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;

namespace SkillBot.CataloguePages;

/// <summary>What a catalogue URL gets: a page (with its status), or a redirect to the canonical URL of what it names.</summary>
public abstract record PageResult
{
    private PageResult()
    {
    }

    public sealed record Page(string Html, int Status = StatusCodes.Status200OK) : PageResult;

    public sealed record Redirect(string Path) : PageResult;
}

/// <summary>
/// The catalogue as read-only HTML pages, one catalogue snapshot at a time: the index, a skill's ladder per role, a role
/// at a level, two levels or two roles compared. Server-rendered, no script, one stylesheet; what a higher text adds to
/// the one below is marked word by word (<see cref="WordDiff"/>). Nothing personal is ever on them.
/// </summary>
public sealed class CataloguePage(SkillCatalogue catalogue, Uri? publicUrl, PageView? view = null)
{
    private static readonly Labels English = Labels.For("en");

    private readonly CatalogueSlugs _slugs = CatalogueSlugs.Of(catalogue);
    private readonly PageView _view = view ?? PageView.Default;

    public SkillCatalogue Catalogue => catalogue;

    public PageView View => _view;

    public PageResult Index()
    {
        var html = NewHtml();
        html.Element("h1", "Skills catalogue");
        html.Raw("<p class=\"lede\">").Text($"{Count(catalogue.Skills.Length, "skill")} in {Count(catalogue.Domains.Length, "domain")}, for {Count(catalogue.Roles.Length, "role")} at {Count(catalogue.Levels.Length, "level")}. Ask a question in the box above, or browse.").Raw("</p>");
        html.Raw("<section aria-labelledby=\"skills\"><h2 id=\"skills\">Skills by domain</h2>");
        foreach (var domain in catalogue.Domains)
        {
            html.Raw($"<section class=\"domain\" id=\"domain-{Html.Attribute(_slugs.Domains.Of(domain))}\">").Element("h3", domain).Raw("<ul>");
            foreach (var skill in catalogue.SkillsIn(domain))
            {
                html.Raw("<li>").Link(CataloguePaths.Skill(_slugs.Skills.Of(skill)), skill.Name)
                    .Raw(" <span class=\"meta\">").Text(string.Join(", ", skill.Roles.Select(r => r.Role.Name))).Raw("</span></li>");
            }
            html.Raw("</ul></section>");
        }
        html.Raw("</section><section aria-labelledby=\"roles\"><h2 id=\"roles\">Roles by level</h2><ul class=\"grid\">");
        foreach (var role in catalogue.Roles)
        {
            html.Raw("<li>").Element("strong", role.Name);
            if (catalogue.HasTracks)
            {
                html.Raw(" <span class=\"meta\">").Text(TrackName(role.Track)).Raw("</span>");
            }
            html.Raw("<ul class=\"inline\">");
            foreach (var level in catalogue.LevelsOf(role.Track))
            {
                html.Raw("<li>").Link(CataloguePaths.Role(_slugs.Roles.Of(role), _slugs.Levels.Of(level)), English.Level(level.Name)).Raw("</li>");
            }
            html.Raw("</ul></li>");
        }
        html.Raw("</ul></section>");
        CompareForms(html);
        return Layout("Skills catalogue", $"Every skill, role and level of the career framework (catalogue {catalogue.Version}).", CataloguePaths.Root, [], html);
    }

    public PageResult Skill(string segment)
    {
        if (_slugs.Skills.Find(segment, out var canonical) is not { } skill)
        {
            return Problem($"No skill is called '{Shown(segment)}'.");
        }
        var path = CataloguePaths.Skill(_slugs.Skills.Of(skill));
        if (!canonical)
        {
            return new PageResult.Redirect(path);
        }
        var html = NewHtml();
        html.Element("h1", skill.Name);
        html.Raw("<p class=\"lede\">").Text(Facts(skill)).Raw("</p>");
        if (skill.Owners.Length > 0)
        {
            html.Element("p", "Ask an owner: " + string.Join(", ", skill.Owners), "class=\"owners\"");
        }
        Legend(html);
        if (!catalogue.HasTracks)
        {
            foreach (var roleExpectations in skill.Roles)
            {
                RoleLadder(html, skill, roleExpectations, 2);
            }
        }
        else
        {
            // One section per track, in levels.yaml order, each with its roles' ladders and the moves to the other tracks.
            foreach (var track in catalogue.Tracks)
            {
                var roles = skill.Roles.Where(r => r.Role.Track == track).ToList();
                if (roles.Count == 0)
                {
                    continue;
                }
                html.Raw($"<section class=\"track\" id=\"track-{Html.Attribute(CatalogueSlugs.Slug(track.Name ?? ""))}\">").Element("h2", TrackName(track));
                foreach (var roleExpectations in roles)
                {
                    RoleLadder(html, skill, roleExpectations, 3);
                }
                html.Raw("</section>");
            }
        }
        return Layout(skill.Name, $"{skill.Name} ({skill.Domain}): what each level expects, for {string.Join(", ", skill.Roles.Select(r => r.Role.Name))}.",
            path, [(skill.Domain, $"{CataloguePaths.Root}#domain-{_slugs.Domains.Of(skill.Domain)}")], html);
    }

    /// <summary>One role's ladder in a skill, over the levels of the role's track; headings at <paramref name="depth"/> (h2, or h3 under a track).</summary>
    private void RoleLadder(Html html, Skill skill, RoleExpectations roleExpectations, int depth)
    {
        var role = roleExpectations.Role;
        var roleSlug = _slugs.Roles.Of(role);
        html.Raw($"<section class=\"role\" id=\"{Html.Attribute(roleSlug)}\">").Element($"h{depth}", role.Name).Raw("<ol class=\"ladder\">");
        Expectation? below = null;
        foreach (var level in catalogue.LevelsOf(role.Track))
        {
            if (roleExpectations.At(level) is not { } expectation)
            {
                continue;
            }
            var levelSlug = _slugs.Levels.Of(level);
            html.Raw($"<li id=\"{Html.Attribute(CataloguePaths.Rung(roleSlug, levelSlug))}\"><h{depth + 1}>")
                .Text(English.Level(level.Name)).Raw(" <span class=\"necessity\">").Text(English.Necessity(expectation.Necessity)).Raw($"</span></h{depth + 1}>");
            Marked(html, below?.Description, expectation.Description);
            Examples(html, expectation);
            html.Raw("<p class=\"links\">").Link(CataloguePaths.Role(roleSlug, levelSlug), $"Every skill of {A(RoleAt(role, level))}");
            if (catalogue.Above(level) is { } above && roleExpectations.At(above) is not null)
            {
                html.Raw(" · ").Link($"{CataloguePaths.CompareLevels(roleSlug, levelSlug, _slugs.Levels.Of(above))}#{_slugs.Skills.Of(skill)}",
                    $"Compare with {English.Level(above.Name)}");
            }
            html.Raw("</p></li>");
            below = expectation;
        }
        html.Raw("</ol>");
        if (catalogue.HasTracks && below is not null)
        {
            MovesToOtherTracks(html, skill, role, below.Level);
        }
        html.Raw("</section>");
    }

    /// <summary>From a role's highest rung in a skill, a link per other track to the move to that track's first role and level that have the skill.</summary>
    private void MovesToOtherTracks(Html html, Skill skill, Role role, Level top)
    {
        var moves = catalogue.Tracks.Where(t => t != role.Track)
            .Select(t => skill.Roles.FirstOrDefault(r => r.Role.Track == t) is { } other
                && catalogue.LevelsOf(t).FirstOrDefault(l => other.At(l) is not null) is { } first ? (other.Role, Level: first) : default)
            .Where(m => m.Role is not null)
            .ToList();
        if (moves.Count == 0)
        {
            return;
        }
        html.Raw("<p class=\"links moves\">");
        var separator = "";
        foreach (var (other, level) in moves)
        {
            html.Raw(separator).Link($"{CataloguePaths.Move(_slugs.Roles.Of(role), _slugs.Levels.Of(top), _slugs.Roles.Of(other), _slugs.Levels.Of(level))}#{_slugs.Skills.Of(skill)}",
                $"Compare a move to {RoleAt(other, level)} ({TrackName(other.Track)})");
            separator = " · ";
        }
        html.Raw("</p>");
    }

    public PageResult Role(string roleSegment, string levelSegment)
    {
        var role = _slugs.Roles.Find(roleSegment, out var roleCanonical);
        var level = _slugs.Levels.Find(levelSegment, out var levelCanonical);
        if (role is null || level is null)
        {
            return Problem(role is null ? $"No role is called '{Shown(roleSegment)}'." : $"No level is called '{Shown(levelSegment)}'.");
        }
        if (OffTrack(role, level) is { } offTrack)
        {
            return offTrack;
        }
        var (roleSlug, levelSlug) = (_slugs.Roles.Of(role), _slugs.Levels.Of(level));
        var path = CataloguePaths.Role(roleSlug, levelSlug);
        if (!roleCanonical || !levelCanonical)
        {
            return new PageResult.Redirect(path);
        }
        var above = catalogue.Above(level);
        var title = RoleAt(role, level);
        var html = NewHtml();
        html.Element("h1", title);
        var skills = catalogue.SkillsOf(role);
        html.Raw("<p class=\"lede\">").Text($"What {A(title)} is expected to do in {Count(skills.Length, "skill")}"
            + (above is null ? (catalogue.HasTracks ? $": the top of the {TrackName(role.Track)}." : ": the top of the ladder.") : $", and what {English.Level(above.Name)} adds.")).Raw("</p>");
        LevelNavigation(html, role, level, l => CataloguePaths.Role(roleSlug, _slugs.Levels.Of(l)));
        if (above is not null)
        {
            Legend(html);
        }
        foreach (var skill in skills)
        {
            var expectations = skill.For(role)!;
            var (now, next) = (expectations.At(level), above is null ? null : expectations.At(above));
            var boxes = new List<(string, Expectation?, string?)> { (English.Level(level.Name), now, null) };
            if (above is not null && next is not null)
            {
                boxes.Add(($"{English.Level(above.Name)} adds", next, now?.Description ?? ""));
            }
            SkillSection(html, skill, $"{CataloguePaths.Skill(_slugs.Skills.Of(skill))}#{CataloguePaths.Rung(roleSlug, levelSlug)}", boxes);
        }
        return Layout(title, $"What {A(title)} is expected to do in each skill, and what the next level adds.", path,
            [(role.Name, $"{CataloguePaths.Root}#roles")], html);
    }

    public PageResult CompareLevels(string roleSegment, string fromSegment, string toSegment)
    {
        var role = _slugs.Roles.Find(roleSegment, out var roleCanonical);
        var from = _slugs.Levels.Find(fromSegment, out var fromCanonical);
        var to = _slugs.Levels.Find(toSegment, out var toCanonical);
        if (role is null || from is null || to is null)
        {
            return Problem(role is null ? $"No role is called '{Shown(roleSegment)}'." : $"No level is called '{Shown(from is null ? fromSegment : toSegment)}'.");
        }
        if ((OffTrack(role, from) ?? OffTrack(role, to)) is { } offTrack)
        {
            return offTrack;
        }
        var roleSlug = _slugs.Roles.Of(role);
        if (from == to)
        {
            return new PageResult.Redirect(CataloguePaths.Role(roleSlug, _slugs.Levels.Of(from)));
        }
        if (from.Number > to.Number)
        {
            (from, to) = (to, from);
            fromCanonical = false;
        }
        var path = CataloguePaths.CompareLevels(roleSlug, _slugs.Levels.Of(from), _slugs.Levels.Of(to));
        if (!roleCanonical || !fromCanonical || !toCanonical)
        {
            return new PageResult.Redirect(path);
        }
        var title = $"{role.Name}: {English.Level(from.Name)} and {English.Level(to.Name)} compared";
        var html = NewHtml();
        html.Element("h1", title);
        html.Raw("<p class=\"lede\">").Text($"Each skill's expectation for {A(RoleAt(role, from))}, and what {English.Level(to.Name)} asks.").Raw("</p>");
        Legend(html);
        foreach (var skill in catalogue.SkillsOf(role))
        {
            var expectations = skill.For(role)!;
            var (low, high) = (expectations.At(from), expectations.At(to));
            SkillSection(html, skill, CataloguePaths.Skill(_slugs.Skills.Of(skill)) + "#" + roleSlug,
                [(English.Level(from.Name), low, null), (English.Level(to.Name), high, low?.Description ?? "")]);
        }
        return Layout(title, $"What changes for a {role.Name} from {English.Level(from.Name)} to {English.Level(to.Name)}, skill by skill.", path,
            [(role.Name, CataloguePaths.Role(roleSlug, _slugs.Levels.Of(from)))], html);
    }

    public PageResult CompareRoles(string roleSegment, string otherSegment, string levelSegment)
    {
        var role = _slugs.Roles.Find(roleSegment, out var roleCanonical);
        var other = _slugs.Roles.Find(otherSegment, out var otherCanonical);
        var level = _slugs.Levels.Find(levelSegment, out var levelCanonical);
        if (role is null || other is null || level is null)
        {
            return Problem(level is null ? $"No level is called '{Shown(levelSegment)}'." : $"No role is called '{Shown(role is null ? roleSegment : otherSegment)}'.");
        }
        if (role.Track != other.Track)
        {
            // One level cannot be on two tracks: the comparison is a move, from a level of each role's own track.
            var from = level.Track == role.Track ? level : catalogue.LevelsOf(role.Track)[0];
            var to = level.Track == other.Track ? level : catalogue.LevelsOf(other.Track)[0];
            return Problem($"{role.Name} ({TrackName(role.Track)}) and {other.Name} ({TrackName(other.Track)}) have no level in common.",
                links: [(CataloguePaths.Move(_slugs.Roles.Of(role), _slugs.Levels.Of(from), _slugs.Roles.Of(other), _slugs.Levels.Of(to)),
                    $"Compare a move from {RoleAt(role, from)} to {RoleAt(other, to)}")]);
        }
        if (OffTrack(role, level) is { } offTrack)
        {
            return offTrack;
        }
        var levelSlug = _slugs.Levels.Of(level);
        if (role == other)
        {
            return new PageResult.Redirect(CataloguePaths.Role(_slugs.Roles.Of(role), levelSlug));
        }
        var path = CataloguePaths.CompareRoles(_slugs.Roles.Of(role), _slugs.Roles.Of(other), levelSlug);
        if (!roleCanonical || !otherCanonical || !levelCanonical)
        {
            return new PageResult.Redirect(path);
        }
        var levelName = English.Level(level.Name);
        var title = $"{RoleAt(role, level)} and {RoleAt(other, level)} compared";
        var html = NewHtml();
        html.Element("h1", title);
        html.Raw("<p class=\"lede\">").Text($"Each skill either role has, at {levelName}: what a {other.Name} is asked beyond a {role.Name}.").Raw("</p>");
        Legend(html);
        foreach (var skill in catalogue.Skills.Where(s => s.For(role) is not null || s.For(other) is not null))
        {
            var (mine, theirs) = (skill.For(role)?.At(level), skill.For(other)?.At(level));
            SkillSection(html, skill, CataloguePaths.Skill(_slugs.Skills.Of(skill)),
                [(role.Name, mine, null), (other.Name, theirs, mine?.Description ?? "")]);
        }
        return Layout(title, $"What {A(RoleAt(other, level))} is expected to do that {A(RoleAt(role, level))} is not, skill by skill.", path,
            [(role.Name, CataloguePaths.Role(_slugs.Roles.Of(role), levelSlug))], html);
    }

    /// <summary>
    /// A move across tracks (or to another role at another level): each skill either role has, the expectation where the
    /// person is beside the one where they would go, what the second adds marked. Each level is one of its own role's track.
    /// </summary>
    public PageResult Move(string roleSegment, string levelSegment, string otherSegment, string toSegment)
    {
        var role = _slugs.Roles.Find(roleSegment, out var roleCanonical);
        var level = _slugs.Levels.Find(levelSegment, out var levelCanonical);
        var other = _slugs.Roles.Find(otherSegment, out var otherCanonical);
        var to = _slugs.Levels.Find(toSegment, out var toCanonical);
        if (role is null || level is null || other is null || to is null)
        {
            return Problem(role is null || other is null
                ? $"No role is called '{Shown(role is null ? roleSegment : otherSegment)}'."
                : $"No level is called '{Shown(level is null ? levelSegment : toSegment)}'.");
        }
        if ((OffTrack(role, level) ?? OffTrack(other, to)) is { } offTrack)
        {
            return offTrack;
        }
        var (roleSlug, levelSlug, otherSlug, toSlug) = (_slugs.Roles.Of(role), _slugs.Levels.Of(level), _slugs.Roles.Of(other), _slugs.Levels.Of(to));
        if (role == other && level == to)
        {
            return new PageResult.Redirect(CataloguePaths.Role(roleSlug, levelSlug));
        }
        var path = CataloguePaths.Move(roleSlug, levelSlug, otherSlug, toSlug);
        if (!roleCanonical || !levelCanonical || !otherCanonical || !toCanonical)
        {
            return new PageResult.Redirect(path);
        }
        var (from, target) = (RoleAt(role, level), RoleAt(other, to));
        var title = $"From {from} to {target}";
        var html = NewHtml();
        html.Element("h1", title);
        html.Raw("<p class=\"lede\">").Text(role.Track == other.Track
            ? $"Each skill either role has: what {A(target)} is asked beyond {A(from)}."
            : $"A move from the {TrackName(role.Track)} to the {TrackName(other.Track)}, skill by skill: what {A(target)} is asked beyond {A(from)}.").Raw("</p>");
        Legend(html);
        foreach (var skill in catalogue.Skills.Where(s => s.For(role) is not null || s.For(other) is not null))
        {
            var (mine, theirs) = (skill.For(role)?.At(level), skill.For(other)?.At(to));
            SkillSection(html, skill, CataloguePaths.Skill(_slugs.Skills.Of(skill)),
                [(from, mine, null), (target, theirs, mine?.Description ?? "")]);
        }
        return Layout(title, $"What {A(target)} is expected to do that {A(from)} is not, skill by skill.", path,
            [(role.Name, CataloguePaths.Role(roleSlug, levelSlug))], html);
    }

    /// <summary>A question that has no page of its own (help, not found, a question back): the answer's message and its way on.</summary>
    public PageResult Search(string question, Answer answer, int status = StatusCodes.Status200OK)
    {
        var html = NewHtml();
        html.Element("h1", "Search");
        html.Raw("<p class=\"lede\">").Text(answer.Message).Raw("</p>");
        var choices = (answer.Clarify?.Options ?? []).Select(option => (option, $"{question} {option}"))
            .Concat(answer.Suggestions.Select(s => (s, s)))
            .ToList();
        if (choices.Count > 0)
        {
            html.Raw("<ul class=\"choices\">");
            foreach (var (title, ask) in choices)
            {
                html.Raw("<li>").Link($"{CataloguePaths.Search}?q={Uri.EscapeDataString(ask)}", title).Raw("</li>");
            }
            html.Raw("</ul>");
        }
        html.Raw("<p>").Link(CataloguePaths.Root, "Browse every skill").Raw("</p>");
        var result = (PageResult.Page)Layout("Search", "Ask the skills catalogue a question.", null, [], html, question);
        return result with { Status = status };
    }

    /// <summary>A URL that names nothing in the catalogue (404) or asks wrongly (400): what is wrong, and the way back.</summary>
    public PageResult Problem(string message, int status = StatusCodes.Status404NotFound, IReadOnlyList<(string Href, string Title)>? links = null)
    {
        var html = NewHtml();
        html.Element("h1", "Not in the catalogue");
        html.Raw("<p class=\"lede\">").Text(message).Raw(" ").Link(CataloguePaths.Root, "Browse every skill").Raw(" or ask a question above.</p>");
        if (links is { Count: > 0 })
        {
            html.Raw("<ul class=\"choices\">");
            foreach (var (href, title) in links)
            {
                html.Raw("<li>").Link(href, title).Raw("</li>");
            }
            html.Raw("</ul>");
        }
        return (PageResult.Page)Layout("Not in the catalogue", message, null, [], html) with { Status = status };
    }

    /// <summary>The 404 for a level of another track than the role's (a role is on one track): which track it is on, and its levels linked.</summary>
    private PageResult.Page? OffTrack(Role role, Level level)
    {
        if (level.Track == role.Track)
        {
            return null;
        }
        var roleSlug = _slugs.Roles.Of(role);
        return (PageResult.Page)Problem($"{English.Level(level.Name)} is a level of the {TrackName(level.Track)}; {role.Name} is on the {TrackName(role.Track)}.",
            links: [.. catalogue.LevelsOf(role.Track).Select(l => (CataloguePaths.Role(roleSlug, _slugs.Levels.Of(l)), RoleAt(role, l)))]);
    }

    /// <summary>A role at a level: "Senior Data Scientist" on one ladder; with tracks the level names often hold role words ("Software Engineer at Staff Engineer").</summary>
    private string RoleAt(Role role, Level level) =>
        catalogue.HasTracks ? $"{role.Name} at {English.Level(level.Name)}" : $"{English.Level(level.Name)} {role.Name}";

    /// <summary>The tab's scripts, served by the pages' endpoints: TeamsJS (npm @microsoft/teams-js) and ours.</summary>
    public const string TeamsScript = "teams-js.min.js";

    public const string TabScript = "tab.js";

    private Html NewHtml() => new(_view.Href);

    /// <summary>A GET form's hidden fields that keep the page's view on the page it lands on.</summary>
    private string ViewInputs() =>
        (_view.LanguageInUrl ? $"<input type=\"hidden\" name=\"{PageView.LanguageParameter}\" value=\"{_view.Language}\">" : "")
        + (_view.Tab ? $"<input type=\"hidden\" name=\"{PageView.ViewParameter}\" value=\"{PageView.TabView}\">" : "");

    /// <summary>"a" or "an" before a name, by its first letter.</summary>
    private static string A(string phrase) => ("AEIOUaeiou".Contains(phrase[0], StringComparison.Ordinal) ? "an " : "a ") + phrase;

    private static string TrackName(Track track) => English.Format("track", track.Name ?? "");

    /// <summary>The document's title, cut to 70 characters (tabs and search results show no more; a move's full title is its heading).</summary>
    private static string TitleOf(string title)
    {
        const int Longest = 70;
        const string Site = " · SkillBot";
        return title.Length + Site.Length <= Longest ? title + Site : title[..(Longest - Site.Length - 1)].TrimEnd() + "…" + Site;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";

    /// <summary>A segment as the reader typed it, cut short: it is echoed in the page that says it names nothing.</summary>
    private static string Shown(string segment) => segment.Length <= 80 ? segment : segment[..80] + "…";

    private string Facts(Skill skill)
    {
        var facts = new List<string> { skill.Domain };
        if (skill.Updated is { } updated)
        {
            facts.Add("updated " + updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (skill.Aliases.Length > 0)
        {
            facts.Add("also called " + string.Join(", ", skill.Aliases));
        }
        return string.Join(" · ", facts);
    }

    /// <summary>A skill on a role or comparison page: its name (linked to its ladder) and one box per level or role, the later ones marked against the first.</summary>
    private void SkillSection(Html html, Skill skill, string href, IReadOnlyList<(string Heading, Expectation? Expectation, string? Below)> boxes)
    {
        html.Raw($"<section class=\"skill\" id=\"{Html.Attribute(_slugs.Skills.Of(skill))}\"><h2>").Link(href, skill.Name)
            .Raw(" <span class=\"meta\">").Text(skill.Domain).Raw("</span></h2><div class=\"boxes\">");
        foreach (var (heading, expectation, below) in boxes)
        {
            html.Raw("<div class=\"box\"><h3>").Text(heading);
            if (expectation is not null)
            {
                html.Raw(" <span class=\"necessity\">").Text(English.Necessity(expectation.Necessity)).Raw("</span>");
            }
            html.Raw("</h3>");
            if (expectation is null)
            {
                html.Element("p", English["noExpectation"], "class=\"none\"");
            }
            else
            {
                Marked(html, below, expectation.Description);
                Examples(html, expectation);
            }
            html.Raw("</div>");
        }
        html.Raw("</div></section>");
    }

    /// <summary>The expectation's examples (catalogue 1.1), every one: a page has no size limit.</summary>
    private static void Examples(Html html, Expectation expectation)
    {
        if (expectation.Examples.IsEmpty)
        {
            return;
        }
        html.Element("p", "In practice", "class=\"examples-label\"").Raw("<ul class=\"examples\">");
        foreach (var example in expectation.Examples)
        {
            html.Element("li", example);
        }
        html.Raw("</ul>");
    }

    /// <summary>The text as a paragraph, each run <paramref name="below"/> lacks in &lt;mark&gt; (nothing marked without a text below).</summary>
    private static void Marked(Html html, string? below, string text)
    {
        html.Raw("<p>");
        if (below is null)
        {
            html.Text(text);
        }
        else
        {
            foreach (var segment in WordDiff.Added(below, text))
            {
                if (segment.Added)
                {
                    html.Element("mark", segment.Text);
                }
                else
                {
                    html.Text(segment.Text);
                }
            }
        }
        html.Raw("</p>");
    }

    private static void Legend(Html html) =>
        html.Raw("<p class=\"legend\"><mark>Marked</mark> words are what a text adds to the one before it.</p>");

    private void LevelNavigation(Html html, Role role, Level level, Func<Level, string> href)
    {
        html.Raw("<nav aria-label=\"Levels\" class=\"levels\"><ul class=\"inline\">");
        foreach (var l in catalogue.LevelsOf(role.Track))
        {
            html.Raw("<li>");
            if (l == level)
            {
                html.Element("strong", English.Level(l.Name), "aria-current=\"page\"");
            }
            else
            {
                html.Link(href(l), English.Level(l.Name));
            }
            html.Raw("</li>");
        }
        html.Raw("</ul></nav>");
    }

    /// <summary>Two GET forms (no script) that the compare endpoint redirects to the comparison's own URL.</summary>
    private void CompareForms(Html html)
    {
        html.Raw("<section aria-labelledby=\"compare\"><h2 id=\"compare\">Compare</h2><div class=\"forms\">");
        html.Raw($"<form method=\"get\" action=\"{CataloguePaths.Root}/compare\"><fieldset><legend>Two levels of a role</legend>").Raw(ViewInputs());
        Select(html, "levels-role", "role", "Role", catalogue.Roles.Select(r => (_slugs.Roles.Of(r), r.Name)), 0);
        Select(html, "levels-from", "from", "From", LevelOptions(), 0);
        Select(html, "levels-to", "to", "To", LevelOptions(), 1);
        html.Raw("<button type=\"submit\">Compare levels</button></fieldset></form>");
        html.Raw($"<form method=\"get\" action=\"{CataloguePaths.Root}/compare\"><fieldset><legend>Two roles at a level</legend>").Raw(ViewInputs());
        Select(html, "roles-role", "role", "Role", catalogue.Roles.Select(r => (_slugs.Roles.Of(r), r.Name)), 0);
        Select(html, "roles-other", "other", "Other role", catalogue.Roles.Select(r => (_slugs.Roles.Of(r), r.Name)), 1);
        Select(html, "roles-level", "level", "Level", LevelOptions(), 0);
        html.Raw("<button type=\"submit\">Compare roles</button></fieldset></form>");
        if (catalogue.HasTracks)
        {
            var (first, second) = (catalogue.Tracks[0], catalogue.Tracks[1 % catalogue.Tracks.Length]);
            var roles = catalogue.Roles.Select(r => (_slugs.Roles.Of(r), r.Name, (string?)null)).ToList();
            var levels = LevelOptions();
            html.Raw($"<form method=\"get\" action=\"{CataloguePaths.Root}/compare\"><fieldset><legend>A move across tracks</legend>").Raw(ViewInputs());
            Select(html, "move-role", "role", "From role", roles, Math.Max(0, catalogue.Roles.IndexOf(catalogue.Roles.FirstOrDefault(r => r.Track == first)!)));
            Select(html, "move-level", "level", "At level", levels, levels.FindIndex(l => l.Value == _slugs.Levels.Of(catalogue.LevelsOf(first)[^1])));
            Select(html, "move-other", "other", "To role", roles, Math.Max(0, catalogue.Roles.IndexOf(catalogue.Roles.FirstOrDefault(r => r.Track == second)!)));
            Select(html, "move-to", "to", "At level", levels, levels.FindIndex(l => l.Value == _slugs.Levels.Of(catalogue.LevelsOf(second)[0])));
            html.Raw("<button type=\"submit\">Compare the move</button></fieldset></form>");
        }
        html.Raw("</div></section>");
    }

    /// <summary>Every level for a form's list: grouped by track when there are tracks.</summary>
    private List<(string Value, string Title, string? Group)> LevelOptions() =>
        [.. catalogue.Levels.Select(l => (_slugs.Levels.Of(l), English.Level(l.Name), catalogue.HasTracks ? TrackName(l.Track) : null))];

    private static void Select(Html html, string id, string name, string label, IEnumerable<(string Value, string Title)> options, int selected) =>
        Select(html, id, name, label, options.Select(o => (o.Value, o.Title, (string?)null)).ToList(), selected);

    private static void Select(Html html, string id, string name, string label, List<(string Value, string Title, string? Group)> options, int selected)
    {
        html.Raw($"<label for=\"{id}\">").Text(label).Raw($"</label><select id=\"{id}\" name=\"{name}\">");
        selected = Math.Clamp(selected, 0, options.Count - 1);
        string? group = null;
        for (var index = 0; index < options.Count; index++)
        {
            var (value, title, inGroup) = options[index];
            if (inGroup != group)
            {
                html.Raw(group is null ? "" : "</optgroup>");
                if (inGroup is not null)
                {
                    html.Raw($"<optgroup label=\"{Html.Attribute(inGroup)}\">");
                }
                group = inGroup;
            }
            html.Raw($"<option value=\"{Html.Attribute(value)}\"{(index == selected ? " selected" : "")}>").Text(title).Raw("</option>");
        }
        html.Raw(group is null ? "" : "</optgroup>");
        html.Raw("</select>");
    }

    /// <summary>The page around <paramref name="main"/>: head with Open Graph tags, the search box, breadcrumbs, the footer.</summary>
    private PageResult Layout(string title, string description, string? path, IReadOnlyList<(string Title, string Href)> crumbs, Html main, string? question = null)
    {
        var html = NewHtml();
        html.Raw($"<!DOCTYPE html>\n<html lang=\"{_view.Language}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Raw("<title>").Text(TitleOf(title)).Raw("</title>\n");
        html.Raw($"<meta name=\"description\" content=\"{Html.Attribute(description)}\">\n");
        html.Raw("<meta property=\"og:type\" content=\"website\">\n<meta property=\"og:site_name\" content=\"SkillBot\">\n");
        html.Raw($"<meta property=\"og:title\" content=\"{Html.Attribute(title)}\">\n<meta property=\"og:description\" content=\"{Html.Attribute(description)}\">\n");
        if (publicUrl is not null && path is not null)
        {
            var url = publicUrl.AbsoluteUri.TrimEnd('/') + path;
            html.Raw($"<meta property=\"og:url\" content=\"{Html.Attribute(url)}\">\n<link rel=\"canonical\" href=\"{Html.Attribute(url)}\">\n");
        }
        html.Raw($"<link rel=\"stylesheet\" href=\"{CataloguePaths.Stylesheet}\">\n<link rel=\"icon\" href=\"data:,\">\n");
        if (_view.Tab)
        {
            // The Teams tab: TeamsJS from this host, and the script that initialises it when the page is framed.
            html.Raw($"<script src=\"{CataloguePaths.Root}/{TeamsScript}\" defer></script>\n<script src=\"{CataloguePaths.Root}/{TabScript}\" defer></script>\n");
        }
        html.Raw("</head>\n<body>\n");
        html.Raw($"<header><a class=\"brand\" href=\"{Html.Attribute(_view.Href(CataloguePaths.Root))}\">").Text("SkillBot catalogue").Raw("</a>");
        html.Raw($"<form role=\"search\" method=\"get\" action=\"{CataloguePaths.Search}\">").Raw(ViewInputs()).Raw("<label for=\"q\">Ask or search</label>");
        html.Raw($"<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"{Core.Assistant.MaxQuestionLength}\" placeholder=\"what does a senior data scientist need in deep learning?\" value=\"{Html.Attribute(question ?? "")}\">");
        html.Raw("<button type=\"submit\">Ask</button></form></header>\n");
        if (crumbs.Count > 0)
        {
            html.Raw("<nav aria-label=\"Breadcrumb\" class=\"crumbs\"><ol><li>").Link(CataloguePaths.Root, "Catalogue").Raw("</li>");
            foreach (var (crumb, href) in crumbs)
            {
                html.Raw("<li>").Link(href, crumb).Raw("</li>");
            }
            html.Raw("<li aria-current=\"page\">").Text(title).Raw("</li></ol></nav>\n");
        }
        html.Raw("<main>\n").Raw(main.ToString()).Raw("\n</main>\n");
        html.Raw("<footer>").Text($"Catalogue {catalogue.Version} · read-only · ").Link(CataloguePaths.Root, "all skills").Raw("</footer>\n</body>\n</html>\n");
        return new PageResult.Page(html.ToString());
    }
}
