using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Cards;
using SkillBot.Core;

namespace SkillBot.Tests.CataloguePages;

/// <summary>The catalogue pages in Chinese (?lang=zh, or the browser's Accept-Language) over real HTTP: the words around the catalogue from the label files, the catalogue's text as written.</summary>
public sealed partial class ChinesePagesTests : IAsyncLifetime
{
    private RunningApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");
        _client = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.Client.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Lang_zh_gives_every_label_in_Chinese_the_catalogue_text_as_written_and_links_that_stay_Chinese()
    {
        var expected = _app.Services.GetRequiredService<Assistant>().Ask("what does senior data scientist need in deep learning?");
        foreach (var path in CataloguePagesTests.EveryKindOfPage)
        {
            var response = await _client.GetAsync(path + "?lang=zh");
            Assert.True(response.StatusCode == HttpStatusCode.OK, path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"zh\">", html, StringComparison.Ordinal);
            Assert.Contains(">提问</button>", html, StringComparison.Ordinal);
            Assert.Contains(">全部技能</a></footer>", html, StringComparison.Ordinal);
            NoEnglishLabel(html, path);
            foreach (Match link in InternalLink().Matches(html))
            {
                Assert.Contains("lang=zh", link.Value, StringComparison.Ordinal);
            }
        }
        var role = await _client.GetStringAsync("/catalogue/roles/data-scientist/senior?lang=zh");
        Assert.Contains("<h1>高级Data Scientist</h1>", role, StringComparison.Ordinal); // the default ladder's level in Chinese, the role as written
        Assert.Contains(expected.Current!.Description.Split('.')[0], role, StringComparison.Ordinal); // the catalogue's text stays English

        var index = await _client.GetStringAsync("/catalogue?lang=zh");
        Assert.Contains("<h1>技能目录</h1>", index, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"zh\">", index, StringComparison.Ordinal); // forms keep it too
        var alias = await _client.GetAsync("/catalogue/skills/DL?lang=zh");
        Assert.Equal("/catalogue/skills/deep-learning?lang=zh", alias.Headers.Location?.OriginalString);
        var search = await _client.GetAsync("/catalogue/search?lang=zh&q=" + Uri.EscapeDataString("I'm a lead data scientist"));
        Assert.Equal("/catalogue/roles/data-scientist/lead?lang=zh", search.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_browsers_Accept_Language_chooses_the_language_when_the_url_does_not()
    {
        var zh = await Get("/catalogue/skills/deep-learning", "zh-CN,zh;q=0.9,en;q=0.8");
        var zhHtml = await zh.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh\">", zhHtml, StringComparison.Ordinal);
        Assert.Contains("Accept-Language", zh.Headers.Vary);
        Assert.DoesNotContain("lang=zh", zhHtml, StringComparison.Ordinal); // the header goes with every request: links need not say it

        var en = await Get("/catalogue/skills/deep-learning", "en-GB,zh;q=0.5");
        Assert.Contains("<html lang=\"en\">", await en.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(zh.Headers.ETag, en.Headers.ETag); // a browser that changes language does not get the other's 304

        var other = await Get("/catalogue/skills/deep-learning", "fr-FR, de;q=0.8");
        Assert.Contains("<html lang=\"en\">", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var url = await Get("/catalogue/skills/deep-learning?lang=en", "zh-CN");
        Assert.Contains("<html lang=\"en\">", await url.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the URL wins

        var missing = await Get("/catalogue/skills/no-such-skill", "zh");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("没有名为“no-such-skill”的技能。", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bad = await Get("/catalogue?lang=fr", "zh");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("不提供“fr”", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Get(string path, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return await _client.SendAsync(request);
    }

    /// <summary>No English label of the pages shows: each one's longest run of words around its placeholders is absent.</summary>
    private static void NoEnglishLabel(string html, string path)
    {
        var english = Labels.For("en");
        var text = WebUtility.HtmlDecode(Tag().Replace(html, " "));
        foreach (var key in Labels.Keys.Where(k => k.StartsWith("catalogue.", StringComparison.Ordinal)))
        {
            var words = Placeholder().Split(english[key]).OrderByDescending(p => p.Length).First().Trim();
            if (words.Length > 6)
            {
                Assert.False(text.Contains(words, StringComparison.Ordinal), $"{path}: '{words}' ({key}) in English");
            }
        }
    }

    [GeneratedRegex("href=\"/catalogue(?![^\"]*\\.css\")[^\"]*\"")]
    private static partial Regex InternalLink();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
