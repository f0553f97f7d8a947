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

    // ---- what the folder may hold or do while it is served (issue #12): never fatal, always a refused reload ----

    private string SkillsPath(string relative) => Path.Combine(_folder, "skills", relative);

    /// <summary>POST /api/v1/catalogue/reload, failing (not hanging) the test if no answer comes within 30 seconds.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> ReloadNow()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogue/reload") { Headers = { { "X-Api-Key", ApiKey } } };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await _app.Client.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement : default);
    }

    private static string[] Strings(JsonElement body, string property) =>
        [.. body.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task A_dangling_link_is_refused_by_the_watcher_and_on_request_and_the_server_keeps_serving()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // symbolic links need privileges there
        }
        var before = await Answer();
        File.CreateSymbolicLink(SkillsPath("broken.yaml"), "/nonexistent/x.yaml"); // the old reloader's timer thread died of this

        var ready = await Eventually(Readiness, r => r.GetProperty("status").GetString() == "Degraded");
        Assert.Contains("skills/broken.yaml: a link to /nonexistent/x.yaml, which does not exist",
            ready.GetProperty("checks")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(before.GetProperty("catalogueVersion").GetString(), (await Answer()).GetProperty("catalogueVersion").GetString());

        var (status, body) = await ReloadNow(); // was a 500
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("succeeded").GetBoolean());
        Assert.Equal(["skills/broken.yaml: a link to /nonexistent/x.yaml, which does not exist"], Strings(body, "problems"));

        File.Delete(SkillsPath("broken.yaml"));
        Assert.True((await ReloadNow()).Body.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task A_fifo_is_refused_without_wedging_reloads()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no FIFOs among files there
        }
        var fifo = SkillsPath("fifo.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        try
        {
            var (status, body) = await ReloadNow(); // hung for good: the reader blocked in open(), holding the reload lock
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.False(body.GetProperty("succeeded").GetBoolean());
            Assert.Equal(["skills/fifo.yaml: not a regular file (a pipe, socket or device): SkillBot reads only regular files"], Strings(body, "problems"));
            Assert.Equal("Degraded", (await Readiness()).GetProperty("status").GetString());
        }
        catch (OperationCanceledException)
        {
            // Free the reader the old code left blocked (opening the FIFO for writing lets its open() return), then fail.
            _ = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write).Dispose());
            throw;
        }

        File.Delete(fifo);
        Assert.True((await ReloadNow()).Body.GetProperty("succeeded").GetBoolean());
        Assert.Equal("Healthy", (await Readiness()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Files_deleted_while_reloads_read_them_never_take_the_server_down()
    {
        // As git pull or rsync --delete do: many files go while the watcher and the endpoint reload.
        var bulk = Directory.CreateDirectory(SkillsPath("bulk")).FullName;
        var files = Enumerable.Range(0, 2000).Select(i =>
        {
            var path = Path.Combine(bulk, $"skill-{i:D4}.yaml");
            File.WriteAllText(path, $"skill: Bulk skill {i}\ndomain: Bulk\nroles:\n  Data Scientist:\n    Junior:\n      description: Does bulk thing {i}.\n");
            return path;
        }).ToList();
        Assert.True((await ReloadNow()).Body.GetProperty("succeeded").GetBoolean());

        // In an order of their own, a few at a time, so that reloads keep listing files that are gone when read.
        new Random(12).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(files));
        var deleting = Task.Run(async () =>
        {
            foreach (var chunk in files.Chunk(10))
            {
                foreach (var file in chunk)
                {
                    File.Delete(file);
                }
                await Task.Delay(1);
            }
            Directory.Delete(bulk);
        });
        var statuses = new List<HttpStatusCode>();
        while (!deleting.IsCompleted || statuses.Count < 3)
        {
            statuses.Add((await ReloadNow()).Status); // a FileNotFoundException here was a 500, and on the timer thread a crash
        }
        await deleting;

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the watcher's own reloads of the same changes
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/healthz")).StatusCode);
        var (_, last) = await ReloadNow();
        Assert.True(last.GetProperty("succeeded").GetBoolean(), string.Join("\n", Strings(last, "problems")));
    }

    [Fact]
    public async Task A_role_roles_yaml_does_not_list_is_served_with_a_warning()
    {
        await File.WriteAllTextAsync(SkillsPath("sql.yaml"), "skill: SQL\ndomain: Data\nroles:\n  Data Scientst:\n    Junior:\n      description: Writes queries.\n");
        var (status, body) = await ReloadNow();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("succeeded").GetBoolean());
        Assert.Equal(
            ["skills/sql.yaml:4:3: warning: role 'Data Scientst' is not listed in roles.yaml; did you mean 'Data Scientist'? (if it is a new role, add it to roles.yaml)"],
            Strings(body, "warnings"));
        Assert.Equal("Healthy", (await Readiness()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Warnings_are_logged_at_startup_and_on_a_reload()
    {
        await File.WriteAllTextAsync(SkillsPath("sql.yaml"), "skill: SQL\ndomain: Data\nroles:\n  Data Scientst:\n    Junior:\n      description: Writes queries.\n");
        const string warning = "skills/sql.yaml:4:3: warning: role 'Data Scientst' is not listed in roles.yaml";
        var logs = new SkillBot.Tests.Slack.CapturedLogs();
        await using var app = await RunningApp.StartAsync(logs.Register, "--catalogue", _folder, "--Admin:ApiKey=" + ApiKey);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains(warning, StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogue/reload") { Headers = { { "X-Api-Key", ApiKey } } };
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(request)).StatusCode);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning SkillBot.Catalogue.CatalogueReloader", StringComparison.Ordinal) && l.Contains(warning, StringComparison.Ordinal));
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
