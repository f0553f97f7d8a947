using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.LiveCatalogue;
using SkillBot.Progress;
using SkillBot.Testing;

namespace SkillBot.Tests.LiveCatalogue;

/// <summary>
/// "What changed since DATE?" from the versions kept in the progress database (a real SQLite file): each reload's
/// version with the day it began to be served, compared with the served one; kept across a restart.
/// </summary>
public sealed class CatalogueHistoryTests : IAsyncLifetime
{
    private const string ApiKey = "test-admin-key-0123456789";
    private readonly string _folder = Directory.CreateTempSubdirectory("skillbot-history-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("skillbot-history-data-").FullName;
    private readonly SettableTime _time = new();
    private RunningApp? _app;

    private sealed class SettableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private string SkillFile => Path.Combine(_folder, "skills", "machine-learning-ai", "deep-learning.yaml");

    public Task InitializeAsync()
    {
        Catalogues.CopyBuiltInTo(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_data, recursive: true);
    }

    private async Task StartAsync(DateTimeOffset at)
    {
        _time.Now = at;
        _app = await RunningApp.StartAsync(services => services.AddSingleton<TimeProvider>(_time),
            $"--Catalogue:Path={_folder}", $"--Progress:DataFolder={_data}", $"--Admin:ApiKey={ApiKey}");
        await History.Idle;
    }

    private CatalogueHistory History => _app!.Services.GetRequiredService<CatalogueHistory>();

    private async Task EditAndReloadAsync(string find, string replace, DateTimeOffset at)
    {
        var text = await File.ReadAllTextAsync(SkillFile);
        Assert.Contains(find, text);
        await File.WriteAllTextAsync(SkillFile, text.Replace(find, replace, StringComparison.Ordinal));
        _time.Now = at;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogue/reload") { Headers = { { "X-Api-Key", ApiKey } } };
        using var response = await _app!.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await History.Idle;
    }

    private async Task<(string Message, List<string> After)> AskAsync(string question)
    {
        using var response = await _app!.Client.GetAsync("/api/v1/answer?q=" + Uri.EscapeDataString(question));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("changes", answer.GetProperty("intent").GetString());
        return (answer.GetProperty("message").GetString()!,
            [.. answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("after").GetString() ?? "")]);
    }

    private static DateTimeOffset Day(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task What_changed_since_a_date_compares_with_the_version_served_that_day_and_survives_a_restart()
    {
        await StartAsync(Day(10, 15));
        await EditAndReloadAsync("Understands the fundamentals of Deep Learning", "Knows the fundamentals of Deep Learning", Day(11, 10));
        await EditAndReloadAsync("Designs custom training loops for LLM", "Designs bespoke training loops for LLM", Day(11, 20));

        var sinceNovember = await AskAsync("what changed since 2026-11-01?");
        Assert.Contains("since 2026-11-01", sinceNovember.Message);
        Assert.Contains(sinceNovember.After, a => a.StartsWith("Knows the fundamentals", StringComparison.Ordinal));
        Assert.Contains(sinceNovember.After, a => a.StartsWith("Designs bespoke training loops", StringComparison.Ordinal));

        var sinceMidNovember = await AskAsync("what changed since 2026-11-15?");
        Assert.DoesNotContain(sinceMidNovember.After, a => a.StartsWith("Knows the fundamentals", StringComparison.Ordinal));
        Assert.Contains(sinceMidNovember.After, a => a.StartsWith("Designs bespoke training loops", StringComparison.Ordinal));
        Assert.Contains("Nothing changed since 2026-11-25", (await AskAsync("what changed since 2026-11-25?")).Message);
        // Before anything was kept: from the earliest version, and the answer says which day that is.
        Assert.Contains("since 2026-10-15", (await AskAsync("what changed since 2026-01-01?")).Message);
        // Without a date: the last reload, as before.
        Assert.DoesNotContain((await AskAsync("what changed?")).After, a => a.StartsWith("Knows the fundamentals", StringComparison.Ordinal));

        await _app!.DisposeAsync();
        _app = null;
        using (var sqlite = new SqliteConnection($"Data Source={Path.Combine(_data, ProgressStore.SqliteFileName)};Pooling=False"))
        {
            sqlite.Open();
            using var count = sqlite.CreateCommand();
            count.CommandText = "SELECT COUNT(*), COUNT(DISTINCT version), SUM(CASE WHEN files <> '' THEN 1 ELSE 0 END) FROM catalogue_versions";
            using var reader = count.ExecuteReader();
            reader.Read();
            Assert.Equal((3L, 3L, 3L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        // A restart serves the same files: nothing new is kept, and the kept versions still answer.
        await StartAsync(Day(11, 26));
        Assert.Contains("no earlier version", (await AskAsync("what changed?")).Message);
        var afterRestart = await AskAsync("what changed since 2026-11-01?");
        Assert.Equal(sinceNovember.After, afterRestart.After);
    }
}
