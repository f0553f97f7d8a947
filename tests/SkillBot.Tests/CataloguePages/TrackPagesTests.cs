using System.Net;
using System.Text.RegularExpressions;
using SkillBot.Testing;
using static SkillBot.Testing.TrackedCatalogue;

namespace SkillBot.Tests.CataloguePages;

/// <summary>The catalogue pages of a catalogue with two tracks (<see cref="TrackedCatalogue"/>), over real HTTP.</summary>
public sealed partial class TrackPagesTests : IAsyncLifetime
{
    public static readonly string[] EveryKindOfTrackPage =
    [
        "/catalogue",
        "/catalogue/skills/people-management",
        "/catalogue/roles/engineering-manager/engineering-manager-2",
        "/catalogue/compare/levels/software-engineer/senior-engineer-2/staff-engineer",
        "/catalogue/compare/moves/software-engineer/staff-engineer/engineering-manager/engineering-manager-1",
        "/catalogue/roles/engineering-manager/staff-engineer", // the 404 of a level of another track
        "/catalogue?lang=zh",
        "/catalogue/skills/people-management?lang=zh",
        "/catalogue/compare/moves/software-engineer/staff-engineer/engineering-manager/engineering-manager-1?lang=zh",
        "/catalogue/skills/people-management?view=tab",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("skillbot-track-pages-").FullName;
    private RunningApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        TrackedCatalogue.WriteTo(_folder);
        _app = await RunningApp.StartAsync("--CataloguePages:Enabled=true", "--Catalogue:Path=" + _folder);
        _client = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.Client.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_skill_page_shows_each_roles_ladder_under_its_track_with_only_that_tracks_levels()
    {
        var html = await _client.GetStringAsync("/catalogue/skills/people-management");
        var ic = Section(html, "track-individual-contributor");
        var management = Section(html, "track-management");
        Assert.Contains("<h2>Individual Contributor track</h2>", ic, StringComparison.Ordinal);
        Assert.Contains("<h2>Management track</h2>", management, StringComparison.Ordinal);
        Assert.Equal(["software-engineer--senior-engineer-2", "software-engineer--staff-engineer"], Rungs(ic));
        Assert.Equal(["engineering-manager--engineering-manager-1", "engineering-manager--engineering-manager-2", "engineering-manager--director"], Rungs(management));
        Assert.Contains(Description(PeopleManagement, Em, "Director"), CataloguePagesTests.TextOf(html, "engineering-manager--director"), StringComparison.Ordinal);
        // The top of a track does not continue into the other: no "Compare with" from Staff Engineer, but a move.
        Assert.DoesNotContain("Compare with", CataloguePagesTests.TextOf(html, "software-engineer--staff-engineer"), StringComparison.Ordinal);
        Assert.Contains("href=\"/catalogue/compare/moves/software-engineer/staff-engineer/engineering-manager/engineering-manager-1#people-management\"", ic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_page_offers_only_its_tracks_levels()
    {
        var html = await _client.GetStringAsync("/catalogue/roles/engineering-manager/engineering-manager-2");
        var levels = Regex.Match(html, "<nav aria-label=\"Levels\".*?</nav>", RegexOptions.Singleline).Value;
        Assert.Equal(["engineering-manager-1", "director"], LinkedLevels(levels, "engineering-manager"));
        Assert.Contains("<strong aria-current=\"page\">Engineering Manager 2</strong>", levels, StringComparison.Ordinal);
        Assert.Contains(Description(CodeReview, Em, "Engineering Manager 2"), html, StringComparison.Ordinal);
        Assert.Contains("<h1>Engineering Manager at Engineering Manager 2</h1>", html, StringComparison.Ordinal);

        var top = await _client.GetStringAsync("/catalogue/roles/software-engineer/staff-engineer");
        Assert.Contains("the top of the Individual Contributor track.", top, StringComparison.Ordinal);

        // The index lists each role with its own track's levels only.
        var index = await _client.GetStringAsync("/catalogue");
        Assert.Equal(ManagementLevels.Length, LinkedLevels(index, "engineering-manager").Length);
        Assert.Equal(IcLevels.Length, LinkedLevels(index, "software-engineer").Length);
        Assert.Contains("<optgroup label=\"Management track\">", index, StringComparison.Ordinal);
        Assert.Contains("<legend>A move across tracks</legend>", index, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/catalogue/roles/engineering-manager/staff-engineer", "/catalogue/roles/engineering-manager/engineering-manager-1")]
    [InlineData("/catalogue/roles/software-engineer/director", "/catalogue/roles/software-engineer/engineer-1")]
    [InlineData("/catalogue/compare/levels/engineering-manager/engineering-manager-1/staff-engineer", "/catalogue/roles/engineering-manager/director")]
    [InlineData("/catalogue/compare/moves/software-engineer/director/engineering-manager/engineering-manager-1", "/catalogue/roles/software-engineer/staff-engineer")]
    [InlineData("/catalogue/compare/roles/software-engineer/engineering-manager/staff-engineer",
        "/catalogue/compare/moves/software-engineer/staff-engineer/engineering-manager/engineering-manager-1")]
    public async Task A_level_of_another_track_is_a_404_page_that_says_so_and_links_the_right_ones(string path, string offered)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("track", Regex.Match(html, "<p class=\"lede\">.*?</p>").Value, StringComparison.Ordinal);
        Assert.Contains($"href=\"{offered}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(offered)).StatusCode);
    }

    [Fact]
    public async Task A_move_across_tracks_sets_where_one_is_beside_where_one_would_go()
    {
        const string Move = "/catalogue/compare/moves/software-engineer/staff-engineer/engineering-manager/engineering-manager-1";
        var response = await _client.GetAsync(Move);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>From Software Engineer at Staff Engineer to Engineering Manager at Engineering Manager 1</h1>", html, StringComparison.Ordinal);
        var codeReview = Section(html, "code-review");
        Assert.Contains(Description(CodeReview, Swe, "Staff Engineer"), codeReview, StringComparison.Ordinal);
        Assert.Contains("<mark>", codeReview, StringComparison.Ordinal); // what the move adds, marked
        Assert.Contains("No expectation at this level.", Section(html, "system-design"), StringComparison.Ordinal); // EM has no System Design

        // Aliases redirect to it; the index's form lands on it; an answer about the move links it.
        var alias = await _client.GetAsync("/catalogue/compare/moves/swe/ic5/em/m4");
        Assert.Equal(HttpStatusCode.PermanentRedirect, alias.StatusCode);
        Assert.Equal(Move, alias.Headers.Location?.OriginalString);
        var form = await _client.GetAsync("/catalogue/compare?role=software-engineer&level=staff-engineer&other=engineering-manager&to=engineering-manager-1");
        Assert.Equal(HttpStatusCode.SeeOther, form.StatusCode);
        Assert.Equal(Move, form.Headers.Location?.OriginalString);
        var search = await _client.GetAsync("/catalogue/search?q=" + Uri.EscapeDataString("code review IC5 SWE vs M5 EM"));
        Assert.Equal(HttpStatusCode.SeeOther, search.StatusCode);
        Assert.Equal(Move.Replace("engineering-manager-1", "engineering-manager-2", StringComparison.Ordinal) + "#code-review", search.Headers.Location?.OriginalString);
    }

    [Fact]
    public void A_move_url_reads_back_into_where_the_person_is()
    {
        var root = new Uri("https://skills.example.com");
        Assert.Equal(Core.Answers.CardAction.Answer(CodeReview, Swe, "Staff Engineer"), SkillBot.CataloguePages.PageAddress.ActionFor(
            root + "catalogue/compare/moves/software-engineer/staff-engineer/engineering-manager/engineering-manager-1#code-review", root, TrackedCatalogue.Load()));
    }

    [Fact]
    public async Task Every_track_page_is_valid_html_and_accessible_in_Chromium()
    {
        var result = await Task.Run(() => NodeScript.Run("web-e2e.js", [_app.Client.BaseAddress!.ToString(), "-", "--pages", .. EveryKindOfTrackPage],
            timeout: TimeSpan.FromMinutes(3)));
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("pages ok", result.Stdout, StringComparison.Ordinal);
    }

    private static string Section(string html, string id)
    {
        var match = Regex.Match(html, $"<section class=\"[a-z]+\" id=\"{Regex.Escape(id)}\">");
        Assert.True(match.Success, $"no section {id}");
        var start = match.Index;
        // Sections nest one deep (a track's roles): the section ends where as many closings as openings are seen.
        var depth = 0;
        foreach (Match tag in SectionTag().Matches(html, start))
        {
            depth += tag.Value == "</section>" ? -1 : 1;
            if (depth == 0)
            {
                return html[start..(tag.Index + tag.Length)];
            }
        }
        return html[start..];
    }

    private static string[] Rungs(string html) => [.. Regex.Matches(html, "<li id=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    private static string[] LinkedLevels(string html, string role) =>
        [.. Regex.Matches(html, $"href=\"/catalogue/roles/{role}/([^\"]+)\"").Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<section[ >]|</section>")]
    private static partial Regex SectionTag();
}
