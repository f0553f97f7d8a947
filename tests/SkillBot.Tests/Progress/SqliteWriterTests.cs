using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SkillBot.Progress;

namespace SkillBot.Tests.Progress;

/// <summary>The SQLite writer's group commit, on a real file: what it confirms is committed, and one bad write fails alone.</summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("skillbot-writer-");

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder.FullName, "w.db") }.ConnectionString;

    public async Task InitializeAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)";
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static ProgressStatement Insert(int id) =>
        new("INSERT INTO t (id, v) VALUES (@id, @v)", [new("id", id), new("v", "value " + id)]);

    [Theory]
    [InlineData("NORMAL")]
    [InlineData("FULL")]
    public async Task Every_confirmed_write_is_seen_by_another_connection_at_once(string synchronous)
    {
        await using var writer = new SqliteWriter(ConnectionString, synchronous, TimeSpan.FromSeconds(5), NullLogger.Instance);
        await using var reader = new SqliteConnection(ConnectionString);
        await reader.OpenAsync();
        // Many callers at once, as a server has: they are committed in groups, and each sees its own row when its task completes.
        var writes = Enumerable.Range(1, 400).Select(id => Task.Run(async () =>
        {
            Assert.Equal(1, await writer.WriteAsync(Insert(id), CancellationToken.None));
            return id;
        })).ToList();
        foreach (var write in writes)
        {
            var id = await write;
            await using var command = reader.CreateCommand();
            command.CommandText = "SELECT v FROM t WHERE id = @id";
            command.Parameters.AddWithValue("@id", id);
            Assert.Equal("value " + id, (string?)await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task A_write_that_fails_fails_alone_and_the_ones_queued_with_it_are_committed()
    {
        await using var writer = new SqliteWriter(ConnectionString, "NORMAL", TimeSpan.FromSeconds(5), NullLogger.Instance);
        await writer.WriteAsync(Insert(1), CancellationToken.None);
        // Queued together: the duplicate key breaks its group, which is then committed write by write.
        var group = Enumerable.Range(2, 50).Select(id => writer.WriteAsync(Insert(id), CancellationToken.None))
            .Append(writer.WriteAsync(Insert(1), CancellationToken.None))
            .Concat(Enumerable.Range(52, 50).Select(id => writer.WriteAsync(Insert(id), CancellationToken.None)))
            .ToList();
        var failure = await Assert.ThrowsAsync<SqliteException>(() => group[50]);
        Assert.Equal(19, failure.SqliteErrorCode); // SQLITE_CONSTRAINT
        group.RemoveAt(50);
        Assert.All(await Task.WhenAll(group), rows => Assert.Equal(1, rows));
        await using var reader = new SqliteConnection(ConnectionString);
        await reader.OpenAsync();
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM t";
        Assert.Equal(101L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_log_is_checkpointed_in_the_background_and_stays_small()
    {
        await using var writer = new SqliteWriter(ConnectionString, "NORMAL", TimeSpan.FromSeconds(5), NullLogger.Instance);
        var wal = new FileInfo(Path.Combine(_folder.FullName, "w.db-wal"));
        for (var round = 0; round < 20; round++)
        {
            await Task.WhenAll(Enumerable.Range(round * 500, 500).Select(id => writer.WriteAsync(
                new ProgressStatement("INSERT INTO t (id, v) VALUES (@id, @v)", [new("id", id), new("v", new string('x', 2000))]), CancellationToken.None)));
            await Task.Delay(SqliteWriter.CheckpointInterval * 2);
        }
        // 10,000 rows of 2 KB: about 20 MB went through the log; checkpointed and restarted as it goes, it stays a few rounds' worth.
        wal.Refresh();
        Assert.True(wal.Length < 8 * 1024 * 1024, $"the WAL is {wal.Length} bytes");
    }
}
