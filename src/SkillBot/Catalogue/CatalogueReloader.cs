using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SkillBot.Core;
using SkillBot.Core.Catalogue;

namespace SkillBot.Catalogue;

/// <summary>The outcome of the last load or reload, for /readyz and the reload endpoint.</summary>
public sealed record CatalogueStatus(
    DateTimeOffset At,
    string Reason,
    bool Succeeded,
    string ServingVersion,
    ImmutableArray<string> Problems);

/// <summary>
/// Keeps the served catalogue in step with its folder: a valid new version replaces the old one
/// atomically; an invalid one is refused with its problems logged, and the old one keeps serving.
/// Reloads on file changes (debounced, since editors write in bursts), on SIGHUP, and on request.
/// </summary>
public sealed partial class CatalogueReloader(
    Assistant assistant,
    string folder,
    ILogger<CatalogueReloader> logger,
    TimeProvider time) : IHostedService, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _pending;
    private PosixSignalRegistration? _hangup;

    public string Folder => folder;

    public CatalogueStatus Status { get; private set; } =
        new(time.GetUtcNow(), "startup", true, assistant.Catalogue.Version, []);

    public CatalogueStatus Reload(string reason)
    {
        lock (_gate)
        {
            var result = CatalogueLoader.LoadFolder(folder);
            if (result.Catalogue is { } catalogue)
            {
                var previous = assistant.Catalogue.Version;
                assistant.Use(catalogue);
                SkillBotMetrics.RecordReload(loaded: true);
                LogReloaded(reason, previous, catalogue.Version, catalogue.Skills.Length);
                Status = new CatalogueStatus(time.GetUtcNow(), reason, true, catalogue.Version, []);
            }
            else
            {
                SkillBotMetrics.RecordReload(loaded: false);
                LogRefused(reason, result.Problems.Length, assistant.Catalogue.Version);
                foreach (var problem in result.Problems)
                {
                    LogProblem(problem.ToString());
                }
                Status = new CatalogueStatus(time.GetUtcNow(), reason, false, assistant.Catalogue.Version,
                    [.. result.Problems.Select(p => p.ToString())]);
            }
            return Status;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder))
        {
            _watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            _watcher.Changed += (_, _) => Schedule();
            _watcher.Created += (_, _) => Schedule();
            _watcher.Deleted += (_, _) => Schedule();
            _watcher.Renamed += (_, _) => Schedule();
            _watcher.EnableRaisingEvents = true;
        }
        if (!OperatingSystem.IsWindows())
        {
            _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true; // SIGHUP means "reload", not "terminate"
                Reload("SIGHUP");
            });
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _pending?.Dispose();
        _hangup?.Dispose();
    }

    private void Schedule()
    {
        lock (_gate)
        {
            _pending ??= time.CreateTimer(_ => Reload("file change"), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _pending.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue reloaded ({Reason}): {Previous} -> {Version}, {Skills} skills")]
    private partial void LogReloaded(string reason, string previous, string version, int skills);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalogue reload ({Reason}) refused: {Count} problem(s); still serving {Version}")]
    private partial void LogRefused(string reason, int count, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalogue problem: {Problem}")]
    private partial void LogProblem(string problem);
}
