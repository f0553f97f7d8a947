using System.Data.Common;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkillBot.LiveCatalogue;
using SkillBot.Progress;
using SkillBot.Testing;
using SkillBot.Tests.Progress;

namespace SkillBot.Tests.LiveCatalogue;

/// <summary>
/// "What changed since DATE?" from the versions kept in the progress database (a real SQLite file, a real PostgreSQL):
/// each reload's version with the day it began to be served and what it changed, composed up to the served one; kept
/// across a restart, and answered without loading an old version again.
/// </summary>
public abstract class CatalogueHistorySuite : IAsyncLifetime
{
    private const string ApiKey = "test-admin-key-0123456789";
    private readonly string _folder = Directory.CreateTempSubdirectory("skillbot-history-").FullName;
    protected readonly string Data = Directory.CreateTempSubdirectory("skillbot-history-data-").FullName;
    private readonly SettableTime _time = new();
    private RunningApp? _app;

    private sealed class SettableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The settings that choose the database.</summary>
    protected abstract string[] DatabaseSettings { get; }

    /// <summary>A connection of the test's own to the database, to read and spoil what SkillBot kept.</summary>
    protected abstract DbConnection OpenDatabase();

    private string SkillFile => Path.Combine(_folder, "skills", "machine-learning-ai", "deep-learning.yaml");

    public virtual Task InitializeAsync()
    {
        Catalogues.CopyBuiltInTo(_folder);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await StopAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(Data, recursive: true);
    }

    private async Task StartAsync(DateTimeOffset at)
    {
        _time.Now = at;
        _app = await RunningApp.StartAsync(services => services.AddSingleton<TimeProvider>(_time),
            [$"--Catalogue:Path={_folder}", $"--Progress:DataFolder={Data}", $"--Admin:ApiKey={ApiKey}", .. DatabaseSettings]);
        await History.Idle;
    }

    private async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private CatalogueHistory History => _app!.Services.GetRequiredService<CatalogueHistory>();

    private async Task EditAsync(string find, string replace)
    {
        var text = await File.ReadAllTextAsync(SkillFile);
        Assert.Contains(find, text);
        await File.WriteAllTextAsync(SkillFile, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private async Task EditAndReloadAsync(string find, string replace, DateTimeOffset at)
    {
        await EditAsync(find, replace);
        _time.Now = at;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogue/reload") { Headers = { { "X-Api-Key", ApiKey } } };
        using var response = await _app!.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await History.Idle;
    }

    private async Task<(string Message, List<string> After, List<string> Before)> AskAsync(string question)
    {
        using var response = await _app!.Client.GetAsync("/api/v1/answer?q=" + Uri.EscapeDataString(question));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("changes", answer.GetProperty("intent").GetString());
        var items = answer.GetProperty("items").EnumerateArray().ToList();
        return (answer.GetProperty("message").GetString()!,
            [.. items.Select(i => i.GetProperty("after").GetString() ?? "")],
            [.. items.Select(i => i.GetProperty("before").GetString() ?? "")]);
    }

    private async Task<long> ExecuteAsync(string sql, byte[]? value = null)
    {
        await using var connection = OpenDatabase();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (value is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "value";
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Day(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.Zero);

    private const string Fundamentals = "Understands the fundamentals of Deep Learning";
    private const string TrainingLoops = "Designs custom training loops for LLM";

    [Fact]
    public async Task What_changed_since_a_date_compares_with_the_version_served_that_day_and_survives_a_restart()
    {
        await StartAsync(Day(10, 15));
        await EditAndReloadAsync(Fundamentals, "Knows the fundamentals of Deep Learning", Day(11, 10));
        await EditAndReloadAsync(TrainingLoops, "Designs bespoke training loops for LLM", Day(11, 20));

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

        await StopAsync();
        // Each serving keeps what it changed from the one before (the first has nothing before it); only the latest its files.
        Assert.Equal(3, await ExecuteAsync("SELECT COUNT(DISTINCT version) FROM catalogue_versions"));
        Assert.Equal(2, await ExecuteAsync("SELECT COUNT(*) FROM catalogue_versions WHERE changes IS NOT NULL"));
        Assert.Equal(1, await ExecuteAsync("SELECT COUNT(*) FROM catalogue_versions WHERE packed IS NOT NULL OR files <> ''"));

        // A restart serves the same files: nothing new is kept, and the kept versions still answer.
        await StartAsync(Day(11, 26));
        Assert.Equal(0, History.OldVersionsLoaded);
        Assert.Equal(3, await ExecuteAsync("SELECT COUNT(*) FROM catalogue_versions"));
        Assert.Contains("no earlier version", (await AskAsync("what changed?")).Message);
        var afterRestart = await AskAsync("what changed since 2026-11-01?");
        Assert.Equal(sinceNovember.After, afterRestart.After);
    }

    [Fact]
    public async Task Reloads_and_an_unchanged_restart_answer_from_the_kept_changes_alone_even_with_every_kept_file_spoilt()
    {
        await StartAsync(Day(10, 15));
        await EditAndReloadAsync(Fundamentals, "Knows the fundamentals of Deep Learning", Day(11, 10));
        Assert.Equal(0, History.OldVersionsLoaded);
        // Every file kept is spoilt before each reload: a reload that loaded an old version could not answer.
        await ExecuteAsync("UPDATE catalogue_versions SET files = 'not a catalogue', packed = @value", [1, 2, 3]);
        await EditAndReloadAsync("Knows the fundamentals of Deep Learning", "Grasps the fundamentals of Deep Learning", Day(11, 20));
        await ExecuteAsync("UPDATE catalogue_versions SET files = 'not a catalogue', packed = @value", [1, 2, 3]);
        await EditAndReloadAsync(TrainingLoops, "Designs bespoke training loops for LLM", Day(11, 22));
        Assert.Equal(0, History.OldVersionsLoaded);

        // Since the day of the first version: the expectation changed twice is one change, from its first text to its last.
        var sinceFirst = await AskAsync("what changed since 2026-10-20?");
        Assert.Contains("since 2026-10-20", sinceFirst.Message);
        Assert.Equal(2, sinceFirst.After.Count);
        Assert.Contains(sinceFirst.Before, b => b.StartsWith(Fundamentals, StringComparison.Ordinal));
        Assert.Contains(sinceFirst.After, a => a.StartsWith("Grasps the fundamentals", StringComparison.Ordinal));
        Assert.DoesNotContain(sinceFirst.After, a => a.StartsWith("Knows the fundamentals", StringComparison.Ordinal));
        Assert.Contains(sinceFirst.After, a => a.StartsWith("Designs bespoke training loops", StringComparison.Ordinal));
        var sinceSecond = await AskAsync("what changed since 2026-11-15?");
        Assert.Contains(sinceSecond.Before, b => b.StartsWith("Knows the fundamentals", StringComparison.Ordinal));

        await StopAsync();
        await ExecuteAsync("UPDATE catalogue_versions SET files = 'not a catalogue', packed = @value", [1, 2, 3]);
        await StartAsync(Day(11, 26));
        Assert.Equal(0, History.OldVersionsLoaded);
        var afterRestart = await AskAsync("what changed since 2026-10-20?");
        Assert.Equal(sinceFirst.Before, afterRestart.Before);
        Assert.Equal(sinceFirst.After, afterRestart.After);

        // What one serving changed that cannot be read is where the history stops, not a failure.
        await StopAsync();
        await ExecuteAsync("UPDATE catalogue_versions SET changes = @value WHERE served_at = " + Day(11, 10).ToUnixTimeMilliseconds(), [1, 2, 3]);
        await StartAsync(Day(11, 27));
        Assert.Contains("since 2026-11-10", (await AskAsync("what changed since 2026-10-20?")).Message);
        Assert.Contains((await AskAsync("what changed since 2026-11-15?")).Before, b => b.StartsWith("Knows the fundamentals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_on_a_folder_changed_while_down_loads_only_the_version_served_last()
    {
        await StartAsync(Day(10, 15));
        await EditAndReloadAsync(Fundamentals, "Knows the fundamentals of Deep Learning", Day(11, 10));
        await EditAndReloadAsync(TrainingLoops, "Designs bespoke training loops for LLM", Day(11, 12));
        await StopAsync();

        await EditAsync("Knows the fundamentals of Deep Learning", "Grasps the fundamentals of Deep Learning");
        await StartAsync(Day(11, 20));
        Assert.Equal(1, History.OldVersionsLoaded);
        var sinceFirst = await AskAsync("what changed since 2026-10-20?");
        Assert.Equal(2, sinceFirst.After.Count);
        Assert.Contains(sinceFirst.Before, b => b.StartsWith(Fundamentals, StringComparison.Ordinal));
        Assert.Contains(sinceFirst.After, a => a.StartsWith("Grasps the fundamentals", StringComparison.Ordinal));
        Assert.Contains(sinceFirst.After, a => a.StartsWith("Designs bespoke training loops", StringComparison.Ordinal));
        var sinceLastStop = await AskAsync("what changed since 2026-11-15?");
        Assert.Equal(["Knows the fundamentals"], sinceLastStop.Before.Select(b => b[..22]));

        // Changed back to the first version: nothing changed since its day.
        await EditAndReloadAsync("Grasps the fundamentals of Deep Learning", Fundamentals, Day(11, 21));
        await EditAndReloadAsync("Designs bespoke training loops for LLM", TrainingLoops, Day(11, 22));
        Assert.Equal(0, History.OldVersionsLoaded);
        Assert.Contains("Nothing changed since 2026-10-20", (await AskAsync("what changed since 2026-10-20?")).Message);
    }
}

public sealed class SqliteCatalogueHistoryTests : CatalogueHistorySuite
{
    protected override string[] DatabaseSettings => [];

    protected override DbConnection OpenDatabase() => new SqliteConnection($"Data Source={Path.Combine(Data, ProgressStore.SqliteFileName)};Pooling=False");
}

/// <summary>The same on PostgreSQL: a database of its own for each test, on one server for the class.</summary>
public sealed class PostgresCatalogueHistoryTests(PostgresFixture postgres) : CatalogueHistorySuite, IClassFixture<PostgresFixture>
{
    private readonly string _database = "history_" + Guid.NewGuid().ToString("N");

    private string ConnectionString => new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = _database }.ConnectionString;

    protected override string[] DatabaseSettings => [$"--Progress:PostgresConnection={ConnectionString}"];

    protected override DbConnection OpenDatabase() => new NpgsqlConnection(ConnectionString + ";Pooling=false");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = new NpgsqlConnection(postgres.Server.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
        await create.ExecuteNonQueryAsync();
    }
}
