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
    private readonly CatalogueSlugs _slugs = CatalogueSlugs.Of(catalogue);
    private readonly PageView _view = view ?? PageView.Default;
    private Labels Words => _view.Labels; // the page's language: English unless asked for another

    public SkillCatalogue Catalogue => catalogue;

    public PageView View => _view;

    public PageResult Index()
    {
        var html = NewHtml();
        html.Element("h1", T("catalogue.title"));
        html.Raw("<p class=\"lede\">").Text(T("catalogue.lede", Count(catalogue.Skills.Length, "skillCount"), Count(catalogue.Domains.Length, "catalogue.count.domains"),
            Count(catalogue.Roles.Length, "catalogue.count.roles"), Count(catalogue.Levels.Length, "catalogue.count.levels"))).Raw("</p>");
        html.Raw("<section aria-labelledby=\"skills\"><h2 id=\"skills\">").Text(T("catalogue.skillsByDomain")).Raw("</h2>");
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
        html.Raw("</section><section aria-labelledby=\"roles\"><h2 id=\"roles\">").Text(T("catalogue.rolesByLevel")).Raw("</h2><ul class=\"grid\">");
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
                html.Raw("<li>").Link(CataloguePaths.Role(_slugs.Roles.Of(role), _slugs.Levels.Of(level)), Words.Level(level.Name)).Raw("</li>");
            }
            html.Raw("</ul></li>");
        }
        html.Raw("</ul></section>");
        CompareForms(html);
        return Layout(T("catalogue.title"), T("catalogue.description", catalogue.Version), CataloguePaths.Root, [], html);
    }

    public PageResult Skill(string segment)
    {
        if (_slugs.Skills.Find(segment, out var canonical) is not { } skill)
        {
            return Problem(T("catalogue.noSkill", Shown(segment)));
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
            html.Element("p", Words.Format("owners", string.Join(", ", skill.Owners)), "class=\"owners\"");
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
        return Layout(skill.Name, T("catalogue.skill.description", skill.Name, skill.Domain, string.Join(", ", skill.Roles.Select(r => r.Role.Name))),
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
                .Text(Words.Level(level.Name)).Raw(" <span class=\"necessity\">").Text(Words.Necessity(expectation.Necessity)).Raw($"</span></h{depth + 1}>");
            Marked(html, below?.Description, expectation.Description);
            Examples(html, expectation);
            html.Raw("<p class=\"links\">").Link(CataloguePaths.Role(roleSlug, levelSlug), T("catalogue.everySkillOf", A(RoleAt(role, level))));
            if (catalogue.Above(level) is { } above && roleExpectations.At(above) is not null)
            {
                html.Raw(" · ").Link($"{CataloguePaths.CompareLevels(roleSlug, levelSlug, _slugs.Levels.Of(above))}#{_slugs.Skills.Of(skill)}",
                    Words.Format("compareWith", Words.Level(above.Name)));
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
                T("catalogue.moveTo", RoleAt(other, level), TrackName(other.Track)));
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
            return Problem(role is null ? T("catalogue.noRole", Shown(roleSegment)) : T("catalogue.noLevel", Shown(levelSegment)));
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
        var count = Count(skills.Length, "skillCount");
        html.Raw("<p class=\"lede\">").Text(above is not null ? T("catalogue.role.lede", A(title), count, Words.Level(above.Name))
            : catalogue.HasTracks ? T("catalogue.role.ledeTopTrack", A(title), count, TrackName(role.Track))
            : T("catalogue.role.ledeTop", A(title), count)).Raw("</p>");
        LevelNavigation(html, role, level, l => CataloguePaths.Role(roleSlug, _slugs.Levels.Of(l)));
        if (above is not null)
        {
            Legend(html);
        }
        foreach (var skill in skills)
        {
            var expectations = skill.For(role)!;
            var (now, next) = (expectations.At(level), above is null ? null : expectations.At(above));
            var boxes = new List<(string, Expectation?, string?)> { (Words.Level(level.Name), now, null) };
            if (above is not null && next is not null)
            {
                boxes.Add((T("catalogue.adds", Words.Level(above.Name)), next, now?.Description ?? ""));
            }
            SkillSection(html, skill, $"{CataloguePaths.Skill(_slugs.Skills.Of(skill))}#{CataloguePaths.Rung(roleSlug, levelSlug)}", boxes);
        }
        return Layout(title, T("catalogue.role.description", A(title)), path,
            [(role.Name, $"{CataloguePaths.Root}#roles")], html);
    }

    public PageResult CompareLevels(string roleSegment, string fromSegment, string toSegment)
    {
        var role = _slugs.Roles.Find(roleSegment, out var roleCanonical);
        var from = _slugs.Levels.Find(fromSegment, out var fromCanonical);
        var to = _slugs.Levels.Find(toSegment, out var toCanonical);
        if (role is null || from is null || to is null)
        {
            return Problem(role is null ? T("catalogue.noRole", Shown(roleSegment)) : T("catalogue.noLevel", Shown(from is null ? fromSegment : toSegment)));
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
        var title = T("catalogue.levels.title", role.Name, Words.Level(from.Name), Words.Level(to.Name));
        var html = NewHtml();
        html.Element("h1", title);
        html.Raw("<p class=\"lede\">").Text(T("catalogue.levels.lede", A(RoleAt(role, from)), Words.Level(to.Name))).Raw("</p>");
        Legend(html);
        foreach (var skill in catalogue.SkillsOf(role))
        {
            var expectations = skill.For(role)!;
            var (low, high) = (expectations.At(from), expectations.At(to));
            SkillSection(html, skill, CataloguePaths.Skill(_slugs.Skills.Of(skill)) + "#" + roleSlug,
                [(Words.Level(from.Name), low, null), (Words.Level(to.Name), high, low?.Description ?? "")]);
        }
        return Layout(title, T("catalogue.levels.description", A(role.Name), Words.Level(from.Name), Words.Level(to.Name)), path,
            [(role.Name, CataloguePaths.Role(roleSlug, _slugs.Levels.Of(from)))], html);
    }

    public PageResult CompareRoles(string roleSegment, string otherSegment, string levelSegment)
    {
        var role = _slugs.Roles.Find(roleSegment, out var roleCanonical);
        var other = _slugs.Roles.Find(otherSegment, out var otherCanonical);
        var level = _slugs.Levels.Find(levelSegment, out var levelCanonical);
        if (role is null || other is null || level is null)
        {
            return Problem(level is null ? T("catalogue.noLevel", Shown(levelSegment)) : T("catalogue.noRole", Shown(role is null ? roleSegment : otherSegment)));
        }
        if (role.Track != other.Track)
        {
            // One level cannot be on two tracks: the comparison is a move, from a level of each role's own track.
            var from = level.Track == role.Track ? level : catalogue.LevelsOf(role.Track)[0];
            var to = level.Track == other.Track ? level : catalogue.LevelsOf(other.Track)[0];
            return Problem(T("catalogue.roles.apart", role.Name, TrackName(role.Track), other.Name, TrackName(other.Track)),
                links: [(CataloguePaths.Move(_slugs.Roles.Of(role), _slugs.Levels.Of(from), _slugs.Roles.Of(other), _slugs.Levels.Of(to)),
                    T("catalogue.roles.move", RoleAt(role, from), RoleAt(other, to)))]);
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
        var levelName = Words.Level(level.Name);
        var title = T("catalogue.roles.title", RoleAt(role, level), RoleAt(other, level));
        var html = NewHtml();
        html.Element("h1", title);
        html.Raw("<p class=\"lede\">").Text(T("catalogue.roles.lede", levelName, A(other.Name), A(role.Name))).Raw("</p>");
        Legend(html);
        foreach (var skill in catalogue.Skills.Where(s => s.For(role) is not null || s.For(other) is not null))
        {
            var (mine, theirs) = (skill.For(role)?.At(level), skill.For(other)?.At(level));
            SkillSection(html, skill, CataloguePaths.Skill(_slugs.Skills.Of(skill)),
                [(role.Name, mine, null), (other.Name, theirs, mine?.Description ?? "")]);
        }
        return Layout(title, T("catalogue.roles.description", A(RoleAt(other, level)), A(RoleAt(role, level))), path,
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
                ? T("catalogue.noRole", Shown(role is null ? roleSegment : otherSegment))
                : T("catalogue.noLevel", Shown(level is null ? levelSegment : toSegment)));
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
        var title = T("catalogue.move.title", from, target);
        var html = NewHtml();
        html.Element("h1", title);
        html.Raw("<p class=\"lede\">").Text(role.Track == other.Track
            ? T("catalogue.move.lede", A(target), A(from))
            : T("catalogue.move.ledeTracks", TrackName(role.Track), TrackName(other.Track), A(target), A(from))).Raw("</p>");
        Legend(html);
        foreach (var skill in catalogue.Skills.Where(s => s.For(role) is not null || s.For(other) is not null))
        {
            var (mine, theirs) = (skill.For(role)?.At(level), skill.For(other)?.At(to));
            SkillSection(html, skill, CataloguePaths.Skill(_slugs.Skills.Of(skill)),
                [(from, mine, null), (target, theirs, mine?.Description ?? "")]);
        }
        return Layout(title, T("catalogue.roles.description", A(target), A(from)), path,
            [(role.Name, CataloguePaths.Role(roleSlug, levelSlug))], html);
    }

    /// <summary>A question that has no page of its own (help, not found, a question back): the answer's message and its way on.</summary>
    public PageResult Search(string question, Answer answer, int status = StatusCodes.Status200OK)
    {
        var html = NewHtml();
        html.Element("h1", T("catalogue.search"));
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
        html.Raw("<p>").Link(CataloguePaths.Root, T("catalogue.browse")).Raw("</p>");
        var result = (PageResult.Page)Layout(T("catalogue.search"), T("catalogue.search.description"), null, [], html, question);
        return result with { Status = status };
    }

    /// <summary>A URL that names nothing in the catalogue (404) or asks wrongly (400): what is wrong, and the way back.</summary>
    public PageResult Problem(string message, int status = StatusCodes.Status404NotFound, IReadOnlyList<(string Href, string Title)>? links = null)
    {
        var html = NewHtml();
        html.Element("h1", T("catalogue.notFound"));
        html.Raw("<p class=\"lede\">").Text(message).Raw(" ");
        Slot(html, Words["catalogue.browseOrAsk"], () => html.Link(CataloguePaths.Root, T("catalogue.browse")));
        html.Raw("</p>");
        if (links is { Count: > 0 })
        {
            html.Raw("<ul class=\"choices\">");
            foreach (var (href, title) in links)
            {
                html.Raw("<li>").Link(href, title).Raw("</li>");
            }
            html.Raw("</ul>");
        }
        return (PageResult.Page)Layout(T("catalogue.notFound"), message, null, [], html) with { Status = status };
    }

    /// <summary>The 404 for a level of another track than the role's (a role is on one track): which track it is on, and its levels linked.</summary>
    private PageResult.Page? OffTrack(Role role, Level level)
    {
        if (level.Track == role.Track)
        {
            return null;
        }
        var roleSlug = _slugs.Roles.Of(role);
        return (PageResult.Page)Problem(T("catalogue.offTrack", Words.Level(level.Name), TrackName(level.Track), role.Name, TrackName(role.Track)),
            links: [.. catalogue.LevelsOf(role.Track).Select(l => (CataloguePaths.Role(roleSlug, _slugs.Levels.Of(l)), RoleAt(role, l)))]);
    }

    /// <summary>A role at a level: "Senior Data Scientist" on one ladder; with tracks the level names often hold role words ("Software Engineer at Staff Engineer").</summary>
    private string RoleAt(Role role, Level level) => T(catalogue.HasTracks ? "catalogue.roleAtTrack" : "catalogue.roleAt", Words.Level(level.Name), role.Name);

    /// <summary>The tab's scripts, served by the pages' endpoints: TeamsJS (npm @microsoft/teams-js, loaded by ours) and ours.</summary>
    public const string TeamsScript = "teams-js.min.js";

    public const string TabScript = "tab.js";

    private Html NewHtml() => new(_view.Href);

    /// <summary>A GET form's hidden fields that keep the page's view on the page it lands on.</summary>
    private string ViewInputs() =>
        (_view.LanguageInUrl ? $"<input type=\"hidden\" name=\"{PageView.LanguageParameter}\" value=\"{_view.Language}\">" : "")
        + (_view.Tab ? $"<input type=\"hidden\" name=\"{PageView.ViewParameter}\" value=\"{PageView.TabView}\">" : "");

    /// <summary>In English, "a" or "an" before a name, by its first letter; other languages have no article.</summary>
    private string A(string phrase) =>
        _view.Language != "en" ? phrase : ("AEIOUaeiou".Contains(phrase[0], StringComparison.Ordinal) ? "an " : "a ") + phrase;

    private string TrackName(Track track) => Words.Format("track", track.Name ?? "");

    /// <summary>A label of the page's language with its arguments (catalogue text, counts, other labels).</summary>
    private string T(string key, params string[] arguments) => string.Format(CultureInfo.InvariantCulture, Words[key], arguments);

    /// <summary>A label whose one placeholder is markup (a link, a mark): the text either side escaped, the markup written by <paramref name="slot"/>.</summary>
    private static void Slot(Html html, string template, Action slot)
    {
        var at = template.IndexOf("{0}", StringComparison.Ordinal);
        html.Text(template[..at]);
        slot();
        html.Text(template[(at + 3)..]);
    }

    /// <summary>The document's title, cut to 70 characters (tabs and search results show no more; a move's full title is its heading).</summary>
    private static string TitleOf(string title)
    {
        const int Longest = 70;
        const string Site = " · SkillBot";
        return title.Length + Site.Length <= Longest ? title + Site : title[..(Longest - Site.Length - 1)].TrimEnd() + "…" + Site;
    }

    /// <summary>"1 skill", "12 skills": the label KEY.one for one, KEY with the number otherwise.</summary>
    private string Count(int n, string key) => n == 1 ? Words[key + ".one"] : T(key, n.ToString(CultureInfo.InvariantCulture));

    /// <summary>A segment as the reader typed it, cut short: it is echoed in the page that says it names nothing.</summary>
    private static string Shown(string segment) => segment.Length <= 80 ? segment : segment[..80] + "…";

    private string Facts(Skill skill)
    {
        var facts = new List<string> { skill.Domain };
        if (skill.Updated is { } updated)
        {
            facts.Add(T("catalogue.updated", updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (skill.Aliases.Length > 0)
        {
            facts.Add(T("catalogue.alsoCalled", string.Join(", ", skill.Aliases)));
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
                html.Raw(" <span class=\"necessity\">").Text(Words.Necessity(expectation.Necessity)).Raw("</span>");
            }
            html.Raw("</h3>");
            if (expectation is null)
            {
                html.Element("p", Words["noExpectation"], "class=\"none\"");
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
    private void Examples(Html html, Expectation expectation)
    {
        if (expectation.Examples.IsEmpty)
        {
            return;
        }
        html.Element("p", Words["inPractice"], "class=\"examples-label\"").Raw("<ul class=\"examples\">");
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

    private void Legend(Html html)
    {
        html.Raw("<p class=\"legend\">");
        Slot(html, Words["catalogue.legend"], () => html.Element("mark", T("catalogue.legend.marked")));
        html.Raw("</p>");
    }

    private void LevelNavigation(Html html, Role role, Level level, Func<Level, string> href)
    {
        html.Raw($"<nav aria-label=\"{Html.Attribute(T("catalogue.levelsNav"))}\" class=\"levels\"><ul class=\"inline\">");
        foreach (var l in catalogue.LevelsOf(role.Track))
        {
            html.Raw("<li>");
            if (l == level)
            {
                html.Element("strong", Words.Level(l.Name), "aria-current=\"page\"");
            }
            else
            {
                html.Link(href(l), Words.Level(l.Name));
            }
            html.Raw("</li>");
        }
        html.Raw("</ul></nav>");
    }

    /// <summary>Two GET forms (no script) that the compare endpoint redirects to the comparison's own URL.</summary>
    private void CompareForms(Html html)
    {
        html.Raw("<section aria-labelledby=\"compare\"><h2 id=\"compare\">").Text(T("catalogue.compare")).Raw("</h2><div class=\"forms\">");
        html.Raw($"<form method=\"get\" action=\"{CataloguePaths.Root}/compare\"><fieldset><legend>").Text(T("catalogue.form.levels")).Raw("</legend>").Raw(ViewInputs());
        Select(html, "levels-role", "role", T("catalogue.form.role"), catalogue.Roles.Select(r => (_slugs.Roles.Of(r), r.Name)), 0);
        Select(html, "levels-from", "from", T("catalogue.form.from"), LevelOptions(), 0);
        Select(html, "levels-to", "to", T("catalogue.form.to"), LevelOptions(), 1);
        html.Raw("<button type=\"submit\">").Text(T("catalogue.form.compareLevels")).Raw("</button></fieldset></form>");
        html.Raw($"<form method=\"get\" action=\"{CataloguePaths.Root}/compare\"><fieldset><legend>").Text(T("catalogue.form.roles")).Raw("</legend>").Raw(ViewInputs());
        Select(html, "roles-role", "role", T("catalogue.form.role"), catalogue.Roles.Select(r => (_slugs.Roles.Of(r), r.Name)), 0);
        Select(html, "roles-other", "other", T("catalogue.form.other"), catalogue.Roles.Select(r => (_slugs.Roles.Of(r), r.Name)), 1);
        Select(html, "roles-level", "level", T("catalogue.form.level"), LevelOptions(), 0);
        html.Raw("<button type=\"submit\">").Text(T("catalogue.form.compareRoles")).Raw("</button></fieldset></form>");
        if (catalogue.HasTracks)
        {
            var (first, second) = (catalogue.Tracks[0], catalogue.Tracks[1 % catalogue.Tracks.Length]);
            var roles = catalogue.Roles.Select(r => (_slugs.Roles.Of(r), r.Name, (string?)null)).ToList();
            var levels = LevelOptions();
            html.Raw($"<form method=\"get\" action=\"{CataloguePaths.Root}/compare\"><fieldset><legend>").Text(T("catalogue.form.move")).Raw("</legend>").Raw(ViewInputs());
            Select(html, "move-role", "role", T("catalogue.form.fromRole"), roles, Math.Max(0, catalogue.Roles.IndexOf(catalogue.Roles.FirstOrDefault(r => r.Track == first)!)));
            Select(html, "move-level", "level", T("catalogue.form.atLevel"), levels, levels.FindIndex(l => l.Value == _slugs.Levels.Of(catalogue.LevelsOf(first)[^1])));
            Select(html, "move-other", "other", T("catalogue.form.toRole"), roles, Math.Max(0, catalogue.Roles.IndexOf(catalogue.Roles.FirstOrDefault(r => r.Track == second)!)));
            Select(html, "move-to", "to", T("catalogue.form.atLevel"), levels, levels.FindIndex(l => l.Value == _slugs.Levels.Of(catalogue.LevelsOf(second)[0])));
            html.Raw("<button type=\"submit\">").Text(T("catalogue.form.compareMove")).Raw("</button></fieldset></form>");
        }
        html.Raw("</div></section>");
    }

    /// <summary>Every level for a form's list: grouped by track when there are tracks.</summary>
    private List<(string Value, string Title, string? Group)> LevelOptions() =>
        [.. catalogue.Levels.Select(l => (_slugs.Levels.Of(l), Words.Level(l.Name), catalogue.HasTracks ? TrackName(l.Track) : null))];

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
            // The Teams tab: the script that loads TeamsJS from this host and starts it, when the page is framed.
            html.Raw($"<script src=\"{CataloguePaths.Root}/{TabScript}\" defer></script>\n");
        }
        html.Raw("</head>\n<body>\n");
        html.Raw($"<header><a class=\"brand\" href=\"{Html.Attribute(_view.Href(CataloguePaths.Root))}\">").Text(T("catalogue.site", "SkillBot")).Raw("</a>");
        html.Raw($"<form role=\"search\" method=\"get\" action=\"{CataloguePaths.Search}\">").Raw(ViewInputs()).Raw("<label for=\"q\">").Text(T("catalogue.askOrSearch")).Raw("</label>");
        html.Raw($"<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"{Core.Assistant.MaxQuestionLength}\" placeholder=\"{Html.Attribute(T("catalogue.placeholder"))}\" value=\"{Html.Attribute(question ?? "")}\">");
        html.Raw("<button type=\"submit\">").Text(T("catalogue.ask")).Raw("</button></form></header>\n");
        if (crumbs.Count > 0)
        {
            html.Raw($"<nav aria-label=\"{Html.Attribute(T("catalogue.breadcrumb"))}\" class=\"crumbs\"><ol><li>").Link(CataloguePaths.Root, T("catalogue.crumb")).Raw("</li>");
            foreach (var (crumb, href) in crumbs)
            {
                html.Raw("<li>").Link(href, crumb).Raw("</li>");
            }
            html.Raw("<li aria-current=\"page\">").Text(title).Raw("</li></ol></nav>\n");
        }
        html.Raw("<main>\n").Raw(main.ToString()).Raw("\n</main>\n");
        html.Raw("<footer>").Text(T("catalogue.footer", catalogue.Version)).Link(CataloguePaths.Root, T("catalogue.allSkills")).Raw("</footer>\n</body>\n</html>\n");
        return new PageResult.Page(html.ToString());
    }
}
