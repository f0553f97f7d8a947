using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SkillBot.Testing;

namespace SkillBot.Tests.Admin;

public sealed class CatalogueReloadTests : IAsyncLifetime
{
    private const string ApiKey = "test-admin-key-0123456789";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "skillbot-reload-" + Guid.NewGuid().ToString("N"));
    private RunningApp _app = null!;

    private string SkillFile => Path.Combine(_folder, "skills", "machine-learning-ai", "deep-learning.yaml");

    public async Task InitializeAsync()
    {
        CopyFolder(Catalogues.BuiltInFolder, _folder);
        _app = await RunningApp.StartAsync("--catalogue", _folder, "--Admin:ApiKey=" + ApiKey);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_valid_change_on_disk_is_served_without_a_restart()
    {
        var before = await Answer();
        await File.WriteAllTextAsync(SkillFile, (await File.ReadAllTextAsync(SkillFile))
            .Replace("Designs custom training loops for LLM", "Designs bespoke training loops for LLM", StringComparison.Ordinal));

        var after = await Eventually(Answer, a => a.GetProperty("catalogueVersion").GetString() != before.GetProperty("catalogueVersion").GetString());
        Assert.StartsWith("Designs bespoke training loops", after.GetProperty("current").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_change_is_refused_the_old_catalogue_keeps_serving_and_readyz_says_why()
    {
        var before = await Answer();
        await File.WriteAllTextAsync(SkillFile, (await File.ReadAllTextAsync(SkillFile))
            .Replace("necessity: optional", "necessity: sometimes", StringComparison.Ordinal));

        var ready = await Eventually(Readiness, r => r.GetProperty("status").GetString() == "Degraded");
        var description = ready.GetProperty("checks")[0].GetProperty("description").GetString();
        Assert.Contains("skills/machine-learning-ai/deep-learning.yaml:", description, StringComparison.Ordinal);
        Assert.Contains("necessity must be 'required' or 'optional'", description, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(before.GetProperty("catalogueVersion").GetString(), (await Answer()).GetProperty("catalogueVersion").GetString());
    }

    [Fact]
    public async Task The_reload_endpoint_needs_the_admin_key_and_reports_the_result()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client.PostAsync("/api/v1/catalogue/reload", null)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogue/reload") { Headers = { { "X-Api-Key", "nope" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client.SendAsync(wrong)).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogue/reload") { Headers = { { "X-Api-Key", ApiKey } } };
        var response = await _app.Client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal("request", json.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task SIGHUP_reloads()
    {
        await File.WriteAllTextAsync(SkillFile, (await File.ReadAllTextAsync(SkillFile)).Replace("updated: 2026-02-22", "updated: 2026-03-01", StringComparison.Ordinal));
        using (var kill = Process.Start("kill", ["-HUP", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        var after = await Eventually(Answer, a => a.GetProperty("updated").GetString() == "2026-03-01");
        Assert.Equal("2026-03-01", after.GetProperty("updated").GetString());
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/healthz")).StatusCode);
        var ready = await Readiness();
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
    }

    private async Task<JsonElement> Answer()
    {
        var text = await _app.Client.GetStringAsync("/api/v1/answer?q=senior+llm+engineer+deep+learning");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> Readiness() => JsonDocument.Parse(await _app.Client.GetStringAsync("/readyz")).RootElement;

    private static async Task<JsonElement> Eventually(Func<Task<JsonElement>> get, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await get();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(100);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
