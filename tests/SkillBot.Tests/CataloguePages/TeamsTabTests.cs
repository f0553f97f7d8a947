using System.Net;
using SkillBot.Testing;

namespace SkillBot.Tests.CataloguePages;

/// <summary>The catalogue as the Teams app's personal tab (<c>?view=tab</c>): its headers over real HTTP, and the page in Chromium framed and on its own.</summary>
public sealed class TeamsTabTests
{
    [Fact]
    public async Task Only_the_tabs_pages_may_be_framed_by_Teams_and_load_our_scripts()
    {
        await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");
        var tab = await app.Client.GetAsync("/catalogue/skills/deep-learning?view=tab");
        Assert.Equal(HttpStatusCode.OK, tab.StatusCode);
        var csp = string.Join(";", tab.Headers.GetValues("Content-Security-Policy"));
        foreach (var host in new[] { "https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft", "https://*.office.com", "https://*.microsoft365.com" })
        {
            Assert.Contains(" " + host, csp, StringComparison.Ordinal);
        }
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.False(tab.Headers.Contains("X-Frame-Options"));
        var html = await tab.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/catalogue/tab.js\" defer></script>", html, StringComparison.Ordinal); // it loads TeamsJS when framed
        Assert.Contains("href=\"/catalogue/roles/data-scientist/junior?view=tab\"", html, StringComparison.Ordinal); // links stay in the tab
        Assert.Contains("href=\"/catalogue/compare/levels/data-scientist/junior/middle?view=tab#deep-learning\"", html, StringComparison.Ordinal); // before the anchor
        Assert.Contains("<input type=\"hidden\" name=\"view\" value=\"tab\">", html, StringComparison.Ordinal); // and so do the forms

        var plain = await app.Client.GetAsync("/catalogue/skills/deep-learning");
        var plainCsp = string.Join(";", plain.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", plainCsp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", plainCsp, StringComparison.Ordinal);
        Assert.Equal("DENY", string.Join(",", plain.Headers.GetValues("X-Frame-Options")));
        Assert.DoesNotContain("<script", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var teamsJs = await app.Client.GetAsync("/catalogue/teams-js.min.js");
        Assert.Equal(HttpStatusCode.OK, teamsJs.StatusCode);
        Assert.Equal("text/javascript", teamsJs.Content.Headers.ContentType?.MediaType);
        Assert.Contains("microsoftTeams", await teamsJs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/catalogue/tab.js")).StatusCode);

        // Aliases redirect within the tab.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Client.BaseAddress };
        var alias = await client.GetAsync("/catalogue/skills/DL?view=tab");
        Assert.Equal("/catalogue/skills/deep-learning?view=tab", alias.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task In_Chromium_the_tab_starts_TeamsJS_framed_by_Teams_and_not_on_its_own_without_console_errors()
    {
        await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true");
        var result = await Task.Run(() => NodeScript.Run("teams-tab-e2e.js", [app.Client.BaseAddress!.ToString()], timeout: TimeSpan.FromMinutes(3)));
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("tab ok", result.Stdout, StringComparison.Ordinal);
    }
}
