using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Hosting;
using SkillBot.Testing;

namespace SkillBot.Tests.CataloguePages;

/// <summary>The catalogue pages over real HTTP: URLs, redirects, the search box, escaping, and "Open in browser" in every channel.</summary>
public sealed class CataloguePagesTests
{
    private const string PublicUrl = "https://skills.example.com";
    private const string SeedQuestion = "what does senior llm engineer need in deep learning?";

    public static readonly string[] EveryKindOfPage =
    [
        "/catalogue",
        "/catalogue/skills/deep-learning",
        "/catalogue/roles/data-scientist/senior",
        "/catalogue/compare/levels/llm-engineer/senior/lead",
        "/catalogue/compare/roles/data-scientist/llm-engineer/lead",
    ];

    private static HttpClient NoRedirects(RunningApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Client.BaseAddress };

    [Fact]
    public async Task The_pages_are_off_outside_Development_unless_enabled()
    {
        await using var app = await RunningApp.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/catalogue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/catalogue/skills/deep-learning")).StatusCode);
    }

    [Fact]
    public async Task Every_kind_of_page_is_html_without_script_that_a_reload_serves_again()
    {
        await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");
        foreach (var path in EveryKindOfPage)
        {
            var response = await app.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, path);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<meta property=\"og:title\"", html, StringComparison.Ordinal);
            Assert.Equal(html, await app.Client.GetStringAsync(path)); // a reload: same URL, same page

            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await app.Client.SendAsync(again)).StatusCode);
        }
        var css = await app.Client.GetAsync("/catalogue/catalogue.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("@media print", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/catalogue/skills/DL", "/catalogue/skills/deep-learning")]
    [InlineData("/catalogue/skills/Deep_Learning", "/catalogue/skills/deep-learning")]
    [InlineData("/catalogue/skills/%E6%B7%B1%E5%BA%A6%E5%AD%A6%E4%B9%A0", "/catalogue/skills/deep-learning")] // 深度学习
    [InlineData("/catalogue/roles/ds/sr", "/catalogue/roles/data-scientist/senior")]
    [InlineData("/catalogue/roles/data-scientist/L4", "/catalogue/roles/data-scientist/lead")]
    [InlineData("/catalogue/compare/levels/llm-engineer/lead/senior", "/catalogue/compare/levels/llm-engineer/senior/lead")]
    [InlineData("/catalogue/compare/roles/DS/llm-eng/lead", "/catalogue/compare/roles/data-scientist/llm-engineer/lead")]
    public async Task An_alias_or_another_spelling_redirects_permanently_to_the_canonical_url(string path, string canonical)
    {
        await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");
        using var client = NoRedirects(app);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(canonical)).StatusCode);
    }

    [Fact]
    public async Task A_question_in_the_search_box_lands_on_the_page_that_shows_its_answer()
    {
        await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");
        using var client = NoRedirects(app);
        var expected = app.Services.GetRequiredService<Assistant>().Ask(SeedQuestion);
        var response = await client.GetAsync("/catalogue/search?q=" + Uri.EscapeDataString(SeedQuestion));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/catalogue/skills/deep-learning#llm-engineer--senior", response.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString.Split('#')[0]);
        Assert.Contains(expected.Current!.Description, TextOf(page, "llm-engineer--senior"), StringComparison.Ordinal);

        var profile = await client.GetAsync("/catalogue/search?q=" + Uri.EscapeDataString("I'm a lead data scientist"));
        Assert.Equal("/catalogue/roles/data-scientist/lead", profile.Headers.Location?.OriginalString);

        var unknown = await client.GetAsync("/catalogue/search?q=" + Uri.EscapeDataString("quantum basket weaving"));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode); // no page of its own: the answer and its suggestions, linked
        Assert.Contains("href=\"/catalogue/search?q=", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/catalogue/skills/no-such-skill", HttpStatusCode.NotFound)]
    [InlineData("/catalogue/roles/data-scientist/emperor", HttpStatusCode.NotFound)]
    [InlineData("/catalogue/roles/%E2%80%AE%3Cb%3E/senior", HttpStatusCode.NotFound)]
    [InlineData("/catalogue/compare/levels/x/y/z", HttpStatusCode.NotFound)]
    [InlineData("/catalogue/compare?role=data-scientist", HttpStatusCode.BadRequest)]
    [InlineData("/catalogue/compare?role=nobody&from=junior&to=lead", HttpStatusCode.NotFound)]
    public async Task A_url_that_names_nothing_gets_a_page_saying_so_never_a_500(string path, HttpStatusCode status)
    {
        await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");
        var response = await app.Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains("Browse every skill", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_segment_or_question_is_refused_briefly()
    {
        await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");
        var segment = await app.Client.GetAsync("/catalogue/skills/" + new string('x', 4000));
        Assert.Equal(HttpStatusCode.NotFound, segment.StatusCode);
        Assert.True((await segment.Content.ReadAsStringAsync()).Length < 8000); // not echoed whole
        var question = await app.Client.GetAsync("/catalogue/search?q=" + new string('y', Assistant.MaxQuestionLength + 1));
        Assert.Equal(HttpStatusCode.BadRequest, question.StatusCode);
    }

    [Fact]
    public async Task Hostile_catalogue_text_is_escaped_on_every_page()
    {
        const string Skill = "<script>alert(1)</script> Deep & \"Learning\"";
        const string Role = "\"><img src=x onerror=alert(2)> LLM";
        var folder = Directory.CreateTempSubdirectory("skillbot-hostile-").FullName;
        try
        {
            CopyFolder(Catalogues.BuiltInFolder, folder);
            Edit(Path.Combine(folder, "roles.yaml"), "- name: LLM Engineer", "- name: " + Quoted(Role));
            var skillFile = Directory.GetFiles(Path.Combine(folder, "skills"), "*.yaml", SearchOption.AllDirectories).Single();
            Edit(skillFile, "skill: Deep Learning", "skill: " + Quoted(Skill));
            Edit(skillFile, "  LLM Engineer:", "  " + Quoted(Role) + ":");
            Edit(skillFile, "Defines deep learning strategy", "Defines </p><script>alert(3)</script> strategy");

            await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true", "--Catalogue:Path=" + folder);
            var skill = "/catalogue/skills/script-alert-1-script-deep-learning";
            var role = "/catalogue/roles/img-src-x-onerror-alert-2-llm/lead";
            foreach (var path in new[] { "/catalogue", skill, role, "/catalogue/roles/data-scientist/senior",
                         "/catalogue/compare/levels/img-src-x-onerror-alert-2-llm/senior/lead", "/catalogue/compare/roles/data-scientist/img-src-x-onerror-alert-2-llm/lead" })
            {
                var response = await app.Client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, path);
                var html = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Role, html, StringComparison.Ordinal);
                Assert.DoesNotContain(Skill, html, StringComparison.Ordinal);
            }
            var page = await app.Client.GetStringAsync(skill);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Deep &amp; &quot;Learning&quot;", page, StringComparison.Ordinal);
            Assert.Contains("&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt;", page, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_a_public_url_every_rendering_links_the_page_that_shows_the_same_expectation()
    {
        await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true", "--CataloguePages:PublicUrl=" + PublicUrl);
        var expected = app.Services.GetRequiredService<Assistant>().Ask(SeedQuestion);
        var q = Uri.EscapeDataString(SeedQuestion);
        var link = $"{PublicUrl}/catalogue/skills/deep-learning#llm-engineer--senior";

        var card = JsonNode.Parse(await app.Client.GetStringAsync($"/api/v1/answer?format=adaptive&q={q}"))!;
        var open = card["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.OpenUrl")!;
        Assert.Equal("Open in browser", (string?)open["title"]);
        Assert.Equal(link, (string?)open["url"]);
        Assert.Contains($"<{link}|Open in browser>", await app.Client.GetStringAsync($"/api/v1/answer?format=blockkit&q={q}"), StringComparison.Ordinal);
        Assert.Contains($"Open in browser: {link}", await app.Client.GetStringAsync($"/api/v1/answer?format=text&q={q}"), StringComparison.Ordinal);

        // The link, followed on this host: the page has the card's expectation under the anchor it names.
        var page = await app.Client.GetStringAsync(new Uri(link).AbsolutePath);
        Assert.Contains(expected.Current!.Description, TextOf(page, new Uri(link).Fragment.TrimStart('#')), StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"{PublicUrl}/catalogue/skills/deep-learning\">", page, StringComparison.Ordinal);

        var help = JsonNode.Parse(await app.Client.GetStringAsync("/api/v1/answer?format=adaptive&q=help"))!;
        Assert.Contains(help["actions"]!.AsArray(), a => (string?)a!["url"] == PublicUrl + "/catalogue");
    }

    [Fact]
    public async Task Without_a_public_url_no_card_links_anywhere()
    {
        await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");
        var q = Uri.EscapeDataString(SeedQuestion);
        Assert.DoesNotContain("Action.OpenUrl", await app.Client.GetStringAsync($"/api/v1/answer?format=adaptive&q={q}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Open in browser", await app.Client.GetStringAsync($"/api/v1/answer?format=blockkit&q={q}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("skills.example.com")]
    [InlineData("ftp://skills.example.com")]
    [InlineData("https://user:pw@skills.example.com")]
    [InlineData("https://skills.example.com/?a=b")]
    [InlineData("https://skills.example.com/<x>")]
    public async Task A_public_url_that_is_not_a_plain_http_address_stops_startup_naming_it(string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningApp.StartAsync("--CataloguePages:PublicUrl=" + value));
        Assert.Contains(StartupProblems.From(error) ?? [], line => line.StartsWith("CataloguePages:PublicUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_url_while_the_pages_are_off_stops_startup_in_one_line_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningApp.StartAsync("--CataloguePages:PublicUrl=" + PublicUrl));
        var line = Assert.Single(StartupProblems.From(error) ?? [], l => l.Contains("CataloguePages", StringComparison.Ordinal));
        Assert.StartsWith("CataloguePages:PublicUrl is set but the catalogue pages are off", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        await using var off = await RunningApp.StartAsync("--CataloguePages:Enabled=false"); // off without a URL: fine
        await using var on = await RunningApp.StartAsync("--CataloguePages:Enabled=true", "--CataloguePages:PublicUrl=" + PublicUrl);
    }

    [Fact]
    public void A_page_url_reads_back_into_the_question_it_shows()
    {
        var catalogue = Catalogues.BuiltIn();
        var root = new Uri(PublicUrl);
        CardAction? Read(string url) => SkillBot.CataloguePages.PageAddress.ActionFor(url, root, catalogue);
        Assert.Equal(CardAction.Answer("Deep Learning", "LLM Engineer", "Senior"), Read(PublicUrl + "/catalogue/skills/deep-learning#llm-engineer--senior"));
        Assert.Equal(CardAction.Answer("Deep Learning", "Data Scientist", null), Read(PublicUrl + "/catalogue/skills/dl#data-scientist"));
        Assert.Equal(CardAction.Answer(null, "Data Scientist", "Lead"), Read(PublicUrl + "/catalogue/roles/ds/lead"));
        Assert.Equal(CardAction.Answer("Deep Learning", "LLM Engineer", "Senior", "Lead"), Read(PublicUrl + "/catalogue/compare/levels/llm-engineer/senior/lead#deep-learning"));
        Assert.Equal(CardAction.Ask("deep learning"), Read(PublicUrl + "/catalogue/search?q=deep+learning"));
        Assert.Null(Read("https://elsewhere.example.com/catalogue/skills/deep-learning"));
        Assert.Null(Read(PublicUrl + "/catalogues/skills/deep-learning"));
        Assert.Null(Read(PublicUrl + "/catalogue/skills/nothing"));
        Assert.Null(Read("not a url"));
        Assert.Null(SkillBot.CataloguePages.PageAddress.ActionFor(PublicUrl + "/catalogue", null, catalogue));
    }

    /// <summary>The text of the list item with this id, as a reader sees it: tags (the marks) gone, entities decoded.</summary>
    public static string TextOf(string html, string id)
    {
        var start = html.IndexOf($"<li id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no rung {id}");
        var item = html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
        return WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(item, "<[^>]+>", ""));
    }

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void Edit(string file, string find, string replace)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
