using System.Data.Common;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;
using SkillBot.CatalogueFiles;
using SkillBot.Core;
using SkillBot.Core.Catalogue;
using SkillBot.Progress;

namespace SkillBot.LiveCatalogue;

/// <summary>
/// The versions of the served catalogue, kept in the progress database (migration 2): when each began to be served,
/// and its files. After startup and after each reload the versions served last are each compared with the one served
/// now and handed to the assistant, so "what changed since 2026-11-01?" answers from the version served on that day.
/// Without the database (down, or failing) the assistant keeps what it knows in memory: the version before the last
/// reload. All of it runs beside serving, one recording at a time, and never throws.
/// </summary>
public sealed partial class CatalogueHistory(
    Assistant assistant,
    ServedCatalogue startup,
    ProgressStore store,
    IOptions<ProgressOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<CatalogueHistory> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>How many servings are compared with the served version at each reload (each comparison loads one old version).</summary>
    public const int KeptServings = 10;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly DbDataSource _source = ProgressStore.Open(options.Value, environment.ContentRootPath);
    private readonly Lock _chain = new();
    private Task _last = Task.CompletedTask;

    /// <summary>Completes when every recording asked for so far has finished (tests wait for it).</summary>
    public Task Idle
    {
        get
        {
            lock (_chain)
            {
                return _last;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Served(startup.Folder, assistant.Catalogue);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await Idle.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    public async ValueTask DisposeAsync() => await _source.DisposeAsync();

    /// <summary>Records <paramref name="catalogue"/>, just served from <paramref name="folder"/>, after any recording under way.</summary>
    public void Served(string folder, SkillCatalogue catalogue)
    {
        lock (_chain)
        {
            _last = _last.ContinueWith(_ => RecordAsync(folder, catalogue), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task RecordAsync(string folder, SkillCatalogue catalogue)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await store.MigrateAsync(timeout.Token);
            await using var connection = await _source.OpenConnectionAsync(timeout.Token);
            var now = time.GetUtcNow();
            if (await LatestVersionAsync(connection, timeout.Token) != catalogue.Version)
            {
                var packed = await FilesOfAsync(connection, catalogue.Version, timeout.Token) is null ? Snapshot(folder, catalogue) : "";
                if (packed is not null)
                {
                    await InsertAsync(connection, now, catalogue.Version, packed, timeout.Token);
                }
            }
            var history = new List<DatedChanges>();
            var compared = new Dictionary<string, CatalogueDiff?>(StringComparer.Ordinal);
            foreach (var (servedAt, version) in await ServingsAsync(connection, timeout.Token))
            {
                if (!compared.TryGetValue(version, out var diff))
                {
                    compared[version] = diff = version == catalogue.Version
                        ? new CatalogueDiff(version, version, [])
                        : await FilesOfAsync(connection, version, timeout.Token) is { Length: > 0 } files && CatalogueLoader.LoadReadFiles(Unpack(files), [], cores: 1).Catalogue is { } old // one core: the other keeps answering
                            ? CatalogueDiff.Between(old, catalogue)
                            : null; // a version that no longer loads (the format's rules grew stricter) cannot be compared
                }
                if (diff is not null)
                {
                    history.Add(new DatedChanges(servedAt, diff));
                }
            }
            if (assistant.UseHistory(catalogue.Version, history))
            {
                LogKept(history.Count, catalogue.Version);
            }
        }
        catch (Exception e) when (e is DbException or OperationCanceledException or ProgressUnavailableException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            LogUnavailable(e.GetType().Name);
        }
    }

    /// <summary>
    /// The folder's files packed, when they are still the version served (else null: the folder changed again, and its
    /// reload records it). Read with the loader's guards (no pipe is opened, sizes are capped) and compared by version,
    /// not loaded again: a second load of a large catalogue costs seconds and its size again in memory.
    /// </summary>
    private static string? Snapshot(string folder, SkillCatalogue catalogue)
    {
        var (files, problems) = CatalogueFolder.Read(folder);
        return problems.Count == 0 && CatalogueLoader.VersionOfFiles(files) == catalogue.Version ? Pack(files) : null;
    }

    /// <summary>Paths and texts, gzipped, as base64 text: one column type that SQLite and PostgreSQL share.</summary>
    private static string Pack(List<CatalogueFile> files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(new GZipStream(buffer, CompressionLevel.Optimal), Encoding.UTF8))
        {
            writer.Write(files.Count);
            foreach (var file in files)
            {
                writer.Write(file.Path);
                writer.Write(file.Text);
            }
        }
        return Convert.ToBase64String(buffer.ToArray());
    }

    private static List<CatalogueFile> Unpack(string packed)
    {
        using var reader = new BinaryReader(new GZipStream(new MemoryStream(Convert.FromBase64String(packed)), CompressionMode.Decompress), Encoding.UTF8);
        var count = reader.ReadInt32();
        var files = new List<CatalogueFile>(count);
        for (var i = 0; i < count; i++)
        {
            files.Add(new CatalogueFile(reader.ReadString(), reader.ReadString()));
        }
        return files;
    }

    private static async Task<string?> LatestVersionAsync(DbConnection connection, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM catalogue_versions ORDER BY served_at DESC LIMIT 1";
        return await command.ExecuteScalarAsync(cancel) as string;
    }

    private static async Task<string?> FilesOfAsync(DbConnection connection, string version, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT files FROM catalogue_versions WHERE version = @version AND files <> '' LIMIT 1";
        ProgressStore.Add(command, "version", version);
        return await command.ExecuteScalarAsync(cancel) as string;
    }

    private static async Task InsertAsync(DbConnection connection, DateTimeOffset servedAt, string version, string files, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO catalogue_versions (served_at, version, files) VALUES (@served_at, @version, @files) ON CONFLICT DO NOTHING";
        ProgressStore.Add(command, "served_at", servedAt.ToUnixTimeMilliseconds());
        ProgressStore.Add(command, "version", version);
        ProgressStore.Add(command, "files", files);
        await command.ExecuteNonQueryAsync(cancel);
    }

    private static async Task<List<(DateTimeOffset ServedAt, string Version)>> ServingsAsync(DbConnection connection, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT served_at, version FROM catalogue_versions ORDER BY served_at DESC LIMIT {KeptServings}";
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var servings = new List<(DateTimeOffset, string)>();
        while (await reader.ReadAsync(cancel))
        {
            servings.Add((DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1)));
        }
        return servings;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue history: {Count} kept serving(s) compared with version {Version}")]
    private partial void LogKept(int count, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue history unavailable ({Failure}): \"what changed since DATE?\" compares with the version before the last reload only")]
    private partial void LogUnavailable(string failure);
}
