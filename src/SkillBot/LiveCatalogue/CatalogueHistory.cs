using System.Data.Common;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SkillBot.CatalogueFiles;
using SkillBot.Core;
using SkillBot.Core.Catalogue;
using SkillBot.Progress;

namespace SkillBot.LiveCatalogue;

/// <summary>
/// The versions of the served catalogue, kept in the progress database (migrations 2 to 4): when each began to be
/// served, and what it changed from the one served before it. "What changed since 2026-11-01?" composes those changes,
/// from the version served on that day to the one served now, so no old version is loaded: a reload hands over what it
/// changed (it compared the two catalogues already), a startup on the folder served last has nothing to compare, and
/// only a startup on a folder that changed while SkillBot was down loads one old version, the last served, whose files
/// the latest row keeps. Without the database (down, or failing) the assistant keeps what it knows in memory: the
/// version before the last reload. All of it runs beside serving, one recording at a time, and never throws.
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
    /// <summary>How many servings "what changed since DATE?" reaches back to.</summary>
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

    /// <summary>How many old versions the last recording loaded (0, or 1 after the folder changed while SkillBot was down).</summary>
    internal int OldVersionsLoaded { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Served(startup.Folder, assistant.Catalogue, changes: null);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await Idle.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    public async ValueTask DisposeAsync() => await _source.DisposeAsync();

    /// <summary>
    /// Records <paramref name="catalogue"/>, just served from <paramref name="folder"/>, after any recording under way.
    /// <paramref name="changes"/>: what it changed from the catalogue served before it (a reload), null at startup.
    /// </summary>
    public void Served(string folder, SkillCatalogue catalogue, CatalogueDiff? changes)
    {
        lock (_chain)
        {
            _last = _last.ContinueWith(_ => RecordAsync(folder, catalogue, changes), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task RecordAsync(string folder, SkillCatalogue catalogue, CatalogueDiff? changes)
    {
        var started = time.GetTimestamp();
        OldVersionsLoaded = 0;
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await store.MigrateAsync(timeout.Token);
            await using var connection = await _source.OpenConnectionAsync(timeout.Token);
            var latest = await LatestVersionAsync(connection, timeout.Token);
            if (latest != catalogue.Version)
            {
                var fromLatest = latest is null ? null
                    : changes is not null && changes.OldVersion == latest ? changes
                    : await ChangesSinceStoredAsync(connection, latest, catalogue, timeout.Token);
                // Seconds of compressing for a large folder: on a thread of its own, not one the server's requests need.
                var packed = await Task.Factory.StartNew(() => Snapshot(folder), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                await InsertAsync(connection, time.GetUtcNow(), catalogue.Version, fromLatest, packed, timeout.Token);
            }
            var history = Compose(await ServingsAsync(connection, timeout.Token), catalogue);
            if (assistant.UseHistory(catalogue.Version, history))
            {
                LogKept(history.Count, catalogue.Version);
            }
            LogRecorded((long)time.GetElapsedTime(started).TotalMilliseconds, OldVersionsLoaded);
        }
        catch (Exception e) when (e is DbException or OperationCanceledException or ProgressUnavailableException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            LogUnavailable(e.GetType().Name);
        }
    }

    /// <summary>
    /// Each kept serving, newest first, with what changed from it to <paramref name="current"/>: the changes of the
    /// servings after it, composed. A serving whose changes are not known (the first, one from before migration 3, a row
    /// that cannot be read) is the oldest reached: nothing before it can be composed.
    /// </summary>
    private static List<DatedChanges> Compose(List<Serving> servings, SkillCatalogue current)
    {
        var history = new List<DatedChanges>();
        if (servings is not [var newest, ..] || newest.Version != current.Version)
        {
            return history; // another replica serves a newer version already: nothing leads from the kept ones to this one
        }
        var since = new CatalogueDiff(current.Version, current.Version, []);
        history.Add(new DatedChanges(newest.ServedAt, since));
        for (var i = 1; i < servings.Count; i++)
        {
            var (servedAt, version, _) = servings[i];
            if (Unpack(servings[i - 1].Changes) is not { } next || next.OldVersion != version || next.NewVersion != servings[i - 1].Version)
            {
                break;
            }
            since = version == current.Version ? new CatalogueDiff(version, version, []) : next.Then(since, current);
            history.Add(new DatedChanges(servedAt, since));
        }
        return history;
    }

    /// <summary>
    /// What changed from the version served last (kept by the latest row) to <paramref name="catalogue"/>: the folder
    /// changed while SkillBot was down, so that one version is loaded. Null when its files are not kept or no longer load.
    /// </summary>
    private async Task<CatalogueDiff?> ChangesSinceStoredAsync(DbConnection connection, string version, SkillCatalogue catalogue, CancellationToken cancel)
    {
        if (await FilesOfAsync(connection, version, cancel) is not { } files)
        {
            return null;
        }
        OldVersionsLoaded++;
        // One core: the other keeps answering. A version that no longer loads (the format's rules grew stricter) cannot be compared.
        return CatalogueLoader.LoadReadFiles(files, [], cores: 1).Catalogue is { Version: var loaded } old && loaded == version
            ? CatalogueDiff.Between(old, catalogue)
            : null;
    }

    /// <summary>
    /// The folder's files, gzipped as each is read, so the catalogue's text is never in memory all at once; null when a
    /// file could not be read (the folder is changing: its reload records the next version). Read with the loader's
    /// guards (no pipe is opened, sizes are capped). Not checked against the version served (files come in walk order,
    /// a version is computed in path order): a load of them that gives another version is refused when they are used.
    /// </summary>
    private static byte[]? Snapshot(string folder)
    {
        using var buffer = new MemoryStream();
        List<CatalogueProblem> problems;
        using (var writer = new BinaryWriter(new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true), Encoding.UTF8))
        {
            problems = CatalogueFolder.ReadEach(folder, file =>
            {
                writer.Write(true);
                writer.Write(file.Path);
                WriteText(writer, file.Utf8.Span);
            });
            writer.Write(false);
        }
        return problems.Count == 0 ? buffer.ToArray() : null;
    }

    /// <summary>
    /// A file's text as <see cref="BinaryWriter.Write(string)"/> writes it (its UTF-8's length, then its UTF-8), without
    /// decoding it first when it is valid UTF-8 already: a large catalogue's snapshot then makes no string of its text.
    /// </summary>
    private static void WriteText(BinaryWriter writer, ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            writer.Write7BitEncodedInt(utf8.Length);
            writer.Write(utf8);
        }
        else
        {
            writer.Write(Encoding.UTF8.GetString(utf8));
        }
    }

    private static List<CatalogueFile> UnpackFiles(byte[] packed)
    {
        using var reader = new BinaryReader(new GZipStream(new MemoryStream(packed), CompressionMode.Decompress), Encoding.UTF8);
        var files = new List<CatalogueFile>();
        while (reader.ReadBoolean())
        {
            files.Add(new CatalogueFile(reader.ReadString(), reader.ReadString()));
        }
        return files;
    }

    /// <summary>Files as migration 2 kept them: a count, then paths and texts, gzipped, as base64 text.</summary>
    private static List<CatalogueFile> UnpackMigration2Files(string packed)
    {
        using var reader = new BinaryReader(new GZipStream(new MemoryStream(Convert.FromBase64String(packed)), CompressionMode.Decompress), Encoding.UTF8);
        var count = reader.ReadInt32();
        var files = new List<CatalogueFile>(Math.Clamp(count, 0, 100_000));
        for (var i = 0; i < count; i++)
        {
            files.Add(new CatalogueFile(reader.ReadString(), reader.ReadString()));
        }
        return files;
    }

    private static byte[] Pack(CatalogueDiff diff)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, diff, HistoryJson.Default.CatalogueDiff);
        }
        return buffer.ToArray();
    }

    /// <summary>The changes a row keeps; null when there are none or they cannot be read (the row is then where the history stops).</summary>
    private static CatalogueDiff? Unpack(byte[]? packed)
    {
        if (packed is null)
        {
            return null;
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
            return JsonSerializer.Deserialize(gzip, HistoryJson.Default.CatalogueDiff);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or EndOfStreamException)
        {
            return null;
        }
    }

    private static async Task<string?> LatestVersionAsync(DbConnection connection, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM catalogue_versions ORDER BY served_at DESC LIMIT 1";
        return await command.ExecuteScalarAsync(cancel) as string;
    }

    /// <summary>The files a row of <paramref name="version"/> keeps, or null (none kept, or they cannot be read).</summary>
    private static async Task<List<CatalogueFile>?> FilesOfAsync(DbConnection connection, string version, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT packed, files FROM catalogue_versions WHERE version = @version AND (packed IS NOT NULL OR files <> '') ORDER BY served_at DESC LIMIT 1";
        ProgressStore.Add(command, "version", version);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        if (!await reader.ReadAsync(cancel))
        {
            return null;
        }
        try
        {
            return reader.IsDBNull(0) ? UnpackMigration2Files(reader.GetString(1)) : UnpackFiles(reader.GetFieldValue<byte[]>(0));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>A new serving; the files only its row keeps (the ones before it are never loaded again).</summary>
    private static async Task InsertAsync(DbConnection connection, DateTimeOffset servedAt, string version, CatalogueDiff? changes, byte[]? packed, CancellationToken cancel)
    {
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO catalogue_versions (served_at, version, files, changes, packed) VALUES (@served_at, @version, '', @changes, @packed) ON CONFLICT DO NOTHING";
            ProgressStore.Add(command, "served_at", servedAt.ToUnixTimeMilliseconds());
            ProgressStore.Add(command, "version", version);
            ProgressStore.Add(command, "changes", changes is null ? DBNull.Value : Pack(changes));
            ProgressStore.Add(command, "packed", (object?)packed ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancel);
        }
        if (packed is not null)
        {
            await using var clear = connection.CreateCommand();
            clear.CommandText = "UPDATE catalogue_versions SET packed = NULL, files = '' WHERE version <> @version AND (packed IS NOT NULL OR files <> '')";
            ProgressStore.Add(clear, "version", version);
            await clear.ExecuteNonQueryAsync(cancel);
        }
    }

    private sealed record Serving(DateTimeOffset ServedAt, string Version, byte[]? Changes);

    private static async Task<List<Serving>> ServingsAsync(DbConnection connection, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT served_at, version, changes FROM catalogue_versions ORDER BY served_at DESC LIMIT {KeptServings}";
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var servings = new List<Serving>();
        while (await reader.ReadAsync(cancel))
        {
            servings.Add(new Serving(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2)));
        }
        return servings;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue history: {Count} kept serving(s) composed up to version {Version}")]
    private partial void LogKept(int count, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue history recorded in {Milliseconds} ms ({Loaded} old version(s) loaded)")]
    private partial void LogRecorded(long milliseconds, int loaded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue history unavailable ({Failure}): \"what changed since DATE?\" compares with the version before the last reload only")]
    private partial void LogUnavailable(string failure);
}

/// <summary>The kept changes' JSON (source-generated: no reflection at run time).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CatalogueDiff))]
internal sealed partial class HistoryJson : JsonSerializerContext;
