using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.CataloguePages;
using SkillBot.Core;
using SkillBot.Testing;

namespace SkillBot.Tests.CataloguePages;

/// <summary>The rendered-page cache on real HTTP: a page is kept once served with 200, and a reload's new text is served at once.</summary>
public sealed class RenderedPagesTests
{
    private const string ApiKey = "test-admin-key-0123456789";
    private const string Skill = "/catalogue/skills/deep-learning";

    [Fact]
    public async Task A_served_page_is_kept_a_404_is_not_and_a_reload_serves_the_new_text()
    {
        var folder = Directory.CreateTempSubdirectory("skillbot-rendered-").FullName;
        try
        {
            Catalogues.CopyBuiltInTo(folder);
            await using var app = await RunningApp.StartAsync("--CataloguePages:Enabled=true", "--Catalogue:Path=" + folder, "--Admin:ApiKey=" + ApiKey);
            var rendered = app.Services.GetRequiredService<RenderedPages>();
            var assistant = app.Services.GetRequiredService<Assistant>();

            var first = await app.Client.GetAsync(Skill);
            var page = await first.Content.ReadAsStringAsync();
            var kept = rendered.Find(assistant.Catalogue, "en", Skill);
            Assert.NotNull(kept);
            Assert.Equal(page, System.Text.Encoding.UTF8.GetString(kept));
            var again = await app.Client.GetAsync(Skill); // from the cache: the same page, headers and all
            Assert.Equal(page, await again.Content.ReadAsStringAsync());
            Assert.Equal(first.Headers.ETag, again.Headers.ETag);
            Assert.Equal(first.Content.Headers.ContentType, again.Content.Headers.ContentType);
            Assert.Equal(string.Join(";", first.Headers.GetValues("Content-Security-Policy")), string.Join(";", again.Headers.GetValues("Content-Security-Policy")));

            Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/catalogue/skills/no-such-skill")).StatusCode);
            Assert.Null(rendered.Find(assistant.Catalogue, "en", "/catalogue/skills/no-such-skill"));

            var skillFile = Directory.GetFiles(Path.Combine(folder, "skills"), "deep-learning.yaml", SearchOption.AllDirectories).Single();
            var text = await File.ReadAllTextAsync(skillFile);
            Assert.Contains("Defines deep learning strategy", text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(skillFile, text.Replace("Defines deep learning strategy", "Sets the deep learning strategy", StringComparison.Ordinal));
            using var reload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogue/reload") { Headers = { { "X-Api-Key", ApiKey } } };
            Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(reload)).StatusCode);

            var after = await app.Client.GetAsync(Skill);
            // As a reader sees it: the marks of what a level adds may cut through the sentence.
            var newPage = System.Text.RegularExpressions.Regex.Replace(await after.Content.ReadAsStringAsync(), "<[^>]+>", "");
            Assert.Contains("Sets the deep learning strategy", newPage, StringComparison.Ordinal);
            Assert.DoesNotContain("Defines deep learning strategy", newPage, StringComparison.Ordinal);
            Assert.NotEqual(first.Headers.ETag, after.Headers.ETag);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
