using Microsoft.Extensions.Options;
using SkillBot.Hosting;

namespace SkillBot.Progress;

/// <summary>Where people's progress checklists are kept: a SQLite file in <see cref="DataFolder"/>, or PostgreSQL.</summary>
public sealed class ProgressOptions
{
    public const string Section = "Progress";

    /// <summary>The folder of the SQLite file (<c>progress.db</c>); relative to the content root. Unset: <c>data</c> beside the binary.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>An Npgsql connection string: progress is kept in PostgreSQL (many replicas) instead of the SQLite file. A secret (it has the password).</summary>
    public string? PostgresConnection { get; set; }

    /// <summary>
    /// SQLite's <c>synchronous</c> in WAL mode. <c>FULL</c> (the default): every commit is flushed to disk before the
    /// reply that confirms it, so a mark survives a power cut too; the writer commits queued writes together, one flush
    /// for many, which keeps the throughput. <c>NORMAL</c> (SQLite's advice for WAL): a commit is final for every reader
    /// and survives SkillBot crashing, but an OS crash or power cut may lose the last commits before a checkpoint.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "FULL";

    /// <summary>How long a progress action waits for the database before answering "progress is unavailable right now".</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class ProgressOptionsValidator : IValidateOptions<ProgressOptions>
{
    public ValidateOptionsResult Validate(string? name, ProgressOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PostgresConnection) && string.IsNullOrWhiteSpace(options.DataFolder))
        {
            problems.Add("Progress:DataFolder must name a folder (or set Progress:PostgresConnection).");
        }
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromSeconds(30))
        {
            problems.Add("Progress:Timeout must be more than 0 and at most 00:00:30.");
        }
        if (options.SqliteSynchronous is not ("NORMAL" or "FULL"))
        {
            problems.Add("Progress:SqliteSynchronous must be NORMAL or FULL.");
        }
        if (!string.IsNullOrWhiteSpace(options.PostgresConnection))
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(options.PostgresConnection);
            }
            catch (ArgumentException)
            {
                // The message could echo the password: say only which setting is wrong.
                problems.Add("Progress:PostgresConnection is not a valid PostgreSQL connection string.");
            }
        }
        return Settings.Result(problems);
    }
}
