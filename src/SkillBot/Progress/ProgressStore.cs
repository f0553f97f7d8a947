using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using SkillBot.Core.Conversation;
using SkillBot.Core.Progress;

namespace SkillBot.Progress;

/// <summary>The database could not be reached or did not answer in time: the person is told progress is unavailable right now.</summary>
public sealed class ProgressUnavailableException(Exception inner) : Exception("The progress database is unavailable.", inner);

/// <summary>
/// People's progress marks in a real database: SQLite (one file, WAL) by default, PostgreSQL when a connection
/// string is set; the same schema and the same SQL for both. Every write is committed when its call returns, so a reply
/// confirming it never precedes it (on SQLite through <see cref="SqliteWriter"/>, which commits queued writes together). Any database failure surfaces as <see cref="ProgressUnavailableException"/>.
/// Plain ADO.NET over <see cref="DbDataSource"/>: a handful of statements, no mapping worth a library.
/// </summary>
public sealed class ProgressStore : IAsyncDisposable
{
    public const string SqliteFileName = "progress.db";

    private readonly DbDataSource _source;
    private readonly TimeSpan _timeout;
    private readonly ILogger<ProgressStore> _logger;
    private readonly SemaphoreSlim _migrating = new(1, 1);
    private readonly string? _connectionPragma;
    private readonly SqliteWriter? _writer;
    private volatile bool _migrated;

    public ProgressStore(IOptions<ProgressOptions> options, IHostEnvironment environment, ILogger<ProgressStore> logger)
        : this(Open(options.Value, environment.ContentRootPath), options.Value.Timeout, logger, options.Value.SqliteSynchronous)
    {
    }

    /// <param name="sqliteSynchronous">SQLite's synchronous for each connection (<see cref="ProgressOptions.SqliteSynchronous"/>).</param>
    public ProgressStore(DbDataSource source, TimeSpan timeout, ILogger<ProgressStore> logger, string sqliteSynchronous = "FULL")
    {
        _source = source;
        _timeout = timeout;
        _logger = logger;
        IsPostgres = source is NpgsqlDataSource;
        // Readers' connections, per open (journal_mode=WAL is kept by the file), microseconds. busy_timeout: SQLite's
        // own short, growing waits when the file is busy for a moment (WAL recovery), not Microsoft.Data.Sqlite's 150 ms retry sleep.
        var milliseconds = (int)timeout.TotalMilliseconds;
        _connectionPragma = IsPostgres ? null : $"PRAGMA busy_timeout={milliseconds}";
        _writer = IsPostgres ? null : new SqliteWriter(source.ConnectionString, sqliteSynchronous == "NORMAL" ? "NORMAL" : "FULL", timeout, logger);
    }

    public bool IsPostgres { get; }

    /// <summary>"sqlite" or "postgresql", for logs and /readyz (never the connection string).</summary>
    public string Kind => IsPostgres ? "postgresql" : "sqlite";

    /// <summary>The SQLite file in the data folder, or the PostgreSQL the connection string names.</summary>
    public static DbDataSource Open(ProgressOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.PostgresConnection))
        {
            var postgres = new NpgsqlConnectionStringBuilder(options.PostgresConnection);
            // A database that is down must not hold an answer for Npgsql's default 15 s to connect.
            var seconds = (int)Math.Ceiling(options.Timeout.TotalSeconds);
            postgres.Timeout = Math.Min(postgres.Timeout, seconds);
            postgres.CommandTimeout = Math.Min(postgres.CommandTimeout, seconds);
            return NpgsqlDataSource.Create(postgres);
        }
        var folder = Path.GetFullPath(options.DataFolder, contentRoot);
        Directory.CreateDirectory(folder);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, SqliteFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.Timeout.TotalSeconds), // also how long a locked file is waited for
        };
        return SqliteFactory.Instance.CreateDataSource(sqlite.ConnectionString);
    }

    /// <summary>Applies the migrations not applied yet (idempotent; safe with several replicas starting at once).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }
        await _migrating.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await Read(async (connection, cancel) =>
                {
                    if (!IsPostgres)
                    {
                        // WAL is a property of the file: set once, kept by every later connection.
                        await Execute(connection, null, "PRAGMA journal_mode=WAL", cancel);
                    }
                    var applied = await ProgressSchema.MigrateAsync(connection, IsPostgres, cancel);
                    if (applied > 0)
                    {
                        _logger.LogInformation("Progress database ({Kind}) migrated: {Count} migration(s) applied", Kind, applied);
                    }
                    return 0;
                }, cancellationToken, migrate: false);
                _migrated = true;
            }
        }
        finally
        {
            _migrating.Release();
        }
    }

    /// <summary>All marks of one person.</summary>
    public Task<List<ProgressMark>> MarksAsync(ChatUser user, CancellationToken cancellationToken) => Read(async (connection, cancel) =>
    {
        await using var command = Command(connection, null,
            "SELECT skill, role, level, status, evidence, marked_text, marked_at FROM progress_marks " +
            "WHERE channel = @channel AND workspace = @workspace AND user_id = @user_id", user);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var marks = new List<ProgressMark>();
        while (await reader.ReadAsync(cancel))
        {
            marks.Add(new ProgressMark(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3) == "met" ? ProgressStatus.Met : ProgressStatus.WorkingOn,
                reader.GetString(4), reader.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }
        return marks;
    }, cancellationToken);

    /// <summary>
    /// The person's mark on one expectation (null: none), for prefilling the mark form. <paramref name="skills"/>: the
    /// skill's name, then its aliases (a mark made before a rename is under the old name); the first name's mark wins.
    /// </summary>
    public Task<ProgressMark?> MarkAsync(ChatUser user, IReadOnlyList<string> skills, string role, string level, CancellationToken cancellationToken) => Read(async (connection, cancel) =>
    {
        await using var command = Command(connection, null,
            "SELECT skill, status, evidence, marked_text, marked_at FROM progress_marks " +
            $"WHERE channel = @channel AND workspace = @workspace AND user_id = @user_id AND skill IN ({SkillList(skills.Count)}) AND role = @role AND level = @level", user);
        foreach (var (name, value) in Skills(skills))
        {
            Add(command, name, value);
        }
        Add(command, "role", role);
        Add(command, "level", level);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var found = new List<ProgressMark>();
        while (await reader.ReadAsync(cancel))
        {
            found.Add(new ProgressMark(reader.GetString(0), role, level, reader.GetString(1) == "met" ? ProgressStatus.Met : ProgressStatus.WorkingOn,
                reader.GetString(2), reader.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return found.OrderBy(m => IndexOf(skills, m.Skill)).FirstOrDefault();
    }, cancellationToken);

    /// <summary>
    /// Marks (or re-marks) one expectation; committed when this returns. <paramref name="aliases"/>: the skill's other
    /// names, whose marks on the same expectation (made before a rename) this one replaces, in the same statement.
    /// </summary>
    public Task SaveAsync(ChatUser user, ProgressMark mark, IReadOnlyList<string> aliases, CancellationToken cancellationToken) => Write(
        (aliases.Count == 0 ? "" : $"DELETE FROM progress_marks WHERE channel = @channel AND workspace = @workspace AND user_id = @user_id AND skill IN ({SkillList(aliases.Count)}) AND role = @role AND level = @level; ") +
        "INSERT INTO progress_marks (channel, workspace, user_id, skill, role, level, status, evidence, marked_text, marked_at) " +
        "VALUES (@channel, @workspace, @user_id, @skill, @role, @level, @status, @evidence, @marked_text, @marked_at) " +
        "ON CONFLICT (channel, workspace, user_id, skill, role, level) DO UPDATE SET " +
        "status = excluded.status, evidence = excluded.evidence, marked_text = excluded.marked_text, marked_at = excluded.marked_at",
        [
            .. Person(user),
            .. Skills(aliases),
            new("skill", mark.Skill),
            new("role", mark.Role),
            new("level", mark.Level),
            new("status", mark.Status == ProgressStatus.Met ? "met" : "working"),
            new("evidence", mark.Evidence),
            new("marked_text", mark.MarkedText),
            new("marked_at", mark.MarkedAt.ToUnixTimeMilliseconds()),
        ],
        cancellationToken);

    /// <summary>Takes one mark back, under the skill's name or any of its aliases (<paramref name="skills"/>); true when there was one.</summary>
    public async Task<bool> RemoveAsync(ChatUser user, IReadOnlyList<string> skills, string role, string level, CancellationToken cancellationToken) => await Write(
        "DELETE FROM progress_marks WHERE channel = @channel AND workspace = @workspace AND user_id = @user_id " +
        $"AND skill IN ({SkillList(skills.Count)}) AND role = @role AND level = @level",
        [.. Person(user), .. Skills(skills), new("role", role), new("level", level)],
        cancellationToken) > 0;

    /// <summary>Deletes every row about one person; the number of rows deleted.</summary>
    public Task<int> ForgetAsync(ChatUser user, CancellationToken cancellationToken) => Write(
        "DELETE FROM progress_marks WHERE channel = @channel AND workspace = @workspace AND user_id = @user_id",
        Person(user), cancellationToken);

    /// <summary>Deletes every row of a workspace (a Slack team that uninstalled SkillBot or revoked its tokens).</summary>
    public Task<int> ForgetWorkspaceAsync(string channel, string workspace, CancellationToken cancellationToken) => Write(
        "DELETE FROM progress_marks WHERE channel = @channel AND workspace = @workspace",
        [new("channel", channel), new("workspace", workspace)], cancellationToken);

    /// <summary>One round trip, for /readyz.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => Read(async (connection, cancel) =>
    {
        await Execute(connection, null, "SELECT 1", cancel);
        return 0;
    }, cancellationToken);

    /// <summary>
    /// One write, committed when the task completes: on SQLite through the one writer (group commit), on PostgreSQL
    /// on a pooled connection of its own (one statement: its own transaction; the server groups commits itself).
    /// </summary>
    private Task<int> Write(string sql, IReadOnlyList<KeyValuePair<string, object>> values, CancellationToken cancellationToken)
    {
        var statement = new ProgressStatement(sql, values);
        return _writer is { } writer
            ? Run(cancel => writer.WriteAsync(statement, cancel), cancellationToken)
            : Read(async (connection, cancel) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, value) in values)
                {
                    Add(command, name, value);
                }
                return await command.ExecuteNonQueryAsync(cancel);
            }, cancellationToken);
    }

    /// <summary>Work on a pooled connection of its own (on SQLite: reads, which never wait for the writer).</summary>
    private Task<T> Read<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken, bool migrate = true) =>
        Run(async cancel =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancel);
            if (_connectionPragma is not null)
            {
                await Execute(connection, null, _connectionPragma, cancel);
            }
            return await work(connection, cancel);
        }, cancellationToken, migrate);

    private async Task<T> Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken, bool migrate = true)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            if (migrate && !_migrated)
            {
                // The database was down at startup: migrate on first use once it is back.
                await MigrateAsync(timeout.Token);
            }
            return await work(timeout.Token);
        }
        catch (Exception e) when (IsDatabaseFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            // The type only: a message may quote a statement's values (evidence is personal data).
            _logger.LogWarning("Progress database ({Kind}) unavailable: {Failure}", Kind, e.GetType().Name);
            throw new ProgressUnavailableException(e);
        }
    }

    private static string SkillList(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => "@skill" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static IEnumerable<KeyValuePair<string, object>> Skills(IReadOnlyList<string> skills) =>
        skills.Select((skill, i) => new KeyValuePair<string, object>("skill" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), skill));

    private static int IndexOf(IReadOnlyList<string> skills, string skill)
    {
        for (var i = 0; i < skills.Count; i++)
        {
            if (skills[i] == skill)
            {
                return i;
            }
        }
        return skills.Count;
    }

    private static KeyValuePair<string, object>[] Person(ChatUser user) =>
        [new("channel", user.Channel), new("workspace", user.Workspace ?? ""), new("user_id", user.Id)];

    private static bool IsDatabaseFailure(Exception e) =>
        e is DbException or TimeoutException or OperationCanceledException or IOException or UnauthorizedAccessException
            or System.Net.Sockets.SocketException or ProgressUnavailableException;

    internal static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancel);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, ChatUser user)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Add(command, "channel", user.Channel);
        Add(command, "workspace", user.Workspace ?? "");
        Add(command, "user_id", user.Id);
        return command;
    }

    internal static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
        await _source.DisposeAsync();
        _migrating.Dispose();
    }
}
