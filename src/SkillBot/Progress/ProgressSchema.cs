using System.Data.Common;

namespace SkillBot.Progress;

/// <summary>
/// The schema's migrations, in order, the same SQL on SQLite and PostgreSQL. Each is applied once, in a transaction
/// with its version row, so a crash half-way leaves nothing half-applied; replicas starting together wait for each
/// other (PostgreSQL: an advisory lock; SQLite: the immediate transaction's write lock). Never edit a shipped
/// migration: add the next one.
/// </summary>
public static class ProgressSchema
{
    private const long MigrationLock = 0x536B696C6C426F74; // "SkillBot"

    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: one row per person and expectation, keyed by the canonical names; the text they marked detects catalogue changes.
        """
        CREATE TABLE progress_marks (
            channel TEXT NOT NULL,
            workspace TEXT NOT NULL,
            user_id TEXT NOT NULL,
            skill TEXT NOT NULL,
            role TEXT NOT NULL,
            level TEXT NOT NULL,
            status TEXT NOT NULL,
            evidence TEXT NOT NULL,
            marked_text TEXT NOT NULL,
            marked_at BIGINT NOT NULL,
            PRIMARY KEY (channel, workspace, user_id, skill, role, level)
        )
        """,
        // 2: each time a new version of the catalogue began to be served, and (on the first row of a version) its files,
        // packed, so "what changed since DATE?" can compare with the version served then (LiveCatalogue/CatalogueHistory).
        """
        CREATE TABLE catalogue_versions (
            served_at BIGINT NOT NULL,
            version TEXT NOT NULL,
            files TEXT NOT NULL,
            PRIMARY KEY (served_at, version)
        )
        """,
        // 3: what changed from the version served before (a CatalogueDiff, gzipped JSON; NULL on the first row, on rows of
        // before this migration, and when it is not known), so "what changed since DATE?" composes these instead of loading old versions.
        "ALTER TABLE catalogue_versions ADD COLUMN changes BYTEA",
        // 4: the served files, gzipped as they are read (files, base64 text, needed the whole catalogue in memory more than
        // once); kept on the latest version's row only, to compare with when the folder changed while SkillBot was down.
        "ALTER TABLE catalogue_versions ADD COLUMN packed BYTEA",
    ];

    /// <summary>Applies what is missing; the number of migrations applied.</summary>
    public static async Task<int> MigrateAsync(DbConnection connection, bool postgres, CancellationToken cancel)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        if (postgres)
        {
            await ProgressStore.Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancel);
        }
        await ProgressStore.Execute(connection, transaction,
            "CREATE TABLE IF NOT EXISTS skillbot_schema (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancel);
        long current;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM skillbot_schema";
            current = Convert.ToInt64(await read.ExecuteScalarAsync(cancel), System.Globalization.CultureInfo.InvariantCulture);
        }
        var applied = 0;
        for (var version = (int)current + 1; version <= Migrations.Count; version++)
        {
            await ProgressStore.Execute(connection, transaction, Migrations[version - 1], cancel);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO skillbot_schema (version, applied_at) VALUES (@version, @applied_at)";
            ProgressStore.Add(record, "version", version);
            ProgressStore.Add(record, "applied_at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancel);
            applied++;
        }
        await transaction.CommitAsync(cancel);
        return applied;
    }
}
