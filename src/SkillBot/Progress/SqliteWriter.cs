using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SkillBot.Progress;

/// <summary>One SQL statement and its values: a progress write, queued for the SQLite writer or sent to PostgreSQL.</summary>
public sealed record ProgressStatement(string Sql, IReadOnlyList<KeyValuePair<string, object>> Values);

/// <summary>
/// The only connection that writes the SQLite file. Writes are queued and committed together, as many as are waiting
/// (up to <see cref="MaxBatch"/>) in one transaction: one WAL append and, with <c>synchronous=FULL</c>, one flush for
/// all of them, instead of one each. A write's task completes only after its transaction is committed, so a reply
/// confirming it still never precedes it. Readers use their own pooled connections and never wait for this one (WAL).
/// SQLite's automatic checkpoint is off on this connection (it would run inside a commit, holding up every write queued
/// behind it); a PASSIVE checkpoint on a connection of its own runs every <see cref="CheckpointInterval"/> instead,
/// copying what it can without waiting for readers or this writer.
/// </summary>
public sealed class SqliteWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(250);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _checkpoints;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private long _committed;

    /// <param name="synchronous">"NORMAL" or "FULL" (<see cref="ProgressOptions.SqliteSynchronous"/>).</param>
    public SqliteWriter(string connectionString, string synchronous, TimeSpan busyTimeout, ILogger logger)
    {
        _connectionString = connectionString;
        _pragmas = $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds}";
        _logger = logger;
        // A thread of its own: SQLite's calls block, and a commit should not wait for a free pool thread.
        _thread = new Thread(Run) { IsBackground = true, Name = "SkillBot progress writer" };
        _thread.Start();
        _checkpoints = Task.Run(CheckpointAsync);
    }

    /// <summary>Commits one statement (with whatever else is queued); the rows it changed, once committed.</summary>
    public Task<int> WriteAsync(ProgressStatement statement, CancellationToken cancellationToken)
    {
        var pending = new Pending(statement, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter));
        }
        // A caller that stops waiting (its timeout) is skipped if its turn has not come; one already in a transaction is committed.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private void Run()
    {
        var batch = new List<Pending>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                if (pending.Cancel.IsCancellationRequested)
                {
                    pending.Done.TrySetCanceled(pending.Cancel);
                }
                else
                {
                    batch.Add(pending);
                }
            }
            if (batch.Count > 0)
            {
                Commit(batch);
                batch.Clear();
            }
        }
        Close();
    }

    private void Commit(List<Pending> batch)
    {
        var rows = new int[batch.Count];
        try
        {
            var connection = Connection();
            using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                rows[i] = Execute(connection, transaction, batch[i].Statement);
            }
            transaction.Commit();
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // One write's failure must not fail the others: each again in a transaction of its own.
            _logger.LogDebug("Progress writes committed one by one after a failed group ({Failure})", e.GetType().Name);
            Close();
            foreach (var pending in batch)
            {
                Commit([pending]);
            }
            return;
        }
        catch (Exception e)
        {
            // A broken connection (the file gone, the disk full) is opened afresh for the next write.
            Close();
            batch[0].Done.TrySetException(e);
            return;
        }
        Interlocked.Add(ref _committed, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(rows[i]);
        }
    }

    private int Execute(SqliteConnection connection, SqliteTransaction transaction, ProgressStatement statement)
    {
        // Prepared once per statement text, on this connection: only the values change from write to write.
        if (!_prepared.TryGetValue(statement.Sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            _prepared[statement.Sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in statement.Values)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command.ExecuteNonQuery();
    }

    private SqliteConnection Connection()
    {
        if (_connection is null)
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Pragmas(connection, _pragmas + "; PRAGMA wal_autocheckpoint=0");
            _connection = connection;
        }
        return _connection;
    }

    private void Close()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }
        _prepared.Clear();
        _connection?.Dispose();
        _connection = null;
    }

    private async Task CheckpointAsync()
    {
        using var timer = new PeriodicTimer(CheckpointInterval);
        SqliteConnection? connection = null;
        long checkpointed = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                var committed = Interlocked.Read(ref _committed);
                if (committed == checkpointed)
                {
                    continue;
                }
                try
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(_connectionString);
                        connection.Open();
                        Pragmas(connection, _pragmas);
                    }
                    Pragmas(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                    checkpointed = committed;
                }
                catch (SqliteException e)
                {
                    _logger.LogDebug("Progress checkpoint skipped ({Failure}); tried again at the next tick", e.GetType().Name);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private static void Pragmas(SqliteConnection connection, string pragmas)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _checkpoints;
        // Every write queued before now is committed first.
        await Task.Run(_thread.Join);
        _stopping.Dispose();
    }

    private sealed record Pending(ProgressStatement Statement, TaskCompletionSource<int> Done, CancellationToken Cancel);
}
