using Microsoft.Data.Sqlite;

namespace SkillBot.Tests.Progress;

/// <summary>The progress suite on a real SQLite file in a folder of the test's own.</summary>
public sealed class SqliteProgressTests : ProgressSuite
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("skillbot-sqlite-");

    protected override IEnumerable<KeyValuePair<string, string>> DatabaseSettings => [new("Progress:DataFolder", _folder.FullName)];

    private string File => Path.Combine(_folder.FullName, SkillBot.Progress.ProgressStore.SqliteFileName);

    protected override Task<long> RowsAboutAsync(string userId) => CountAsync("user_id", userId);

    protected override Task<long> RowsOfWorkspaceAsync(string team) => CountAsync("workspace", team);

    private async Task<long> CountAsync(string column, string value)
    {
        await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM progress_marks WHERE {column} = $value";
        command.Parameters.AddWithValue("$value", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_and_migrations_are_applied_once()
    {
        await StopAsync(await StartAsync());
        await StopAsync(await StartAsync());
        await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
        await using var versions = connection.CreateCommand();
        versions.CommandText = "SELECT COUNT(*) FROM skillbot_schema";
        Assert.Equal((long)SkillBot.Progress.ProgressSchema.Migrations.Count, (long)(await versions.ExecuteScalarAsync())!);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
