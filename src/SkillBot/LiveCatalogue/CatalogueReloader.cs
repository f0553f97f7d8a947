using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SkillBot.CatalogueFiles;
using SkillBot.Core;
using SkillBot.Gate;
using SkillBot.Rendering;

namespace SkillBot.LiveCatalogue;

/// <summary>The outcome of the last load or reload, for /readyz and the reload endpoint.</summary>
public sealed record CatalogueStatus(
    DateTimeOffset At,
    string Reason,
    bool Succeeded,
    string ServingVersion,
    ImmutableArray<string> Problems)
{
    /// <summary>What is worth fixing in the catalogue loaded (or refused), though it does not stop one being served.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];
}

/// <summary>
/// Keeps the served catalogue in step with its folder: a valid new version replaces the old one
/// atomically; an invalid one is refused with its problems logged, and the old one keeps serving.
/// Reloads on file changes (debounced, since editors write in bursts), on SIGHUP, and on request.
/// Nothing a reload meets stops the process: whatever goes wrong is logged, and the old catalogue keeps serving.
/// </summary>
public sealed partial class CatalogueReloader(
    Assistant assistant,
    ServedCatalogue startup,
    CatalogueAnnouncer announcer,
    RenderedAnswers renderings,
    AnsweredTurns answered,
    CatalogueHistory history,
    ILogger<CatalogueReloader> logger,
    TimeProvider time) : IHostedService, IDisposable
{
    private readonly string _folder = startup.Folder;
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);
    private readonly Lock _gate = new();
    private readonly Lock _timerGate = new();
    private bool _stopped;
    private FileSystemWatcher? _watcher;
    private ITimer? _pending;
    private PosixSignalRegistration? _hangup;

    public CatalogueStatus Status { get; private set; } =
        new(time.GetUtcNow(), "startup", true, assistant.Catalogue.Version, []) { Warnings = startup.Warnings };

    /// <summary>Loads the folder again and serves it if it is valid. Never throws: a failure is a refused reload.</summary>
    /// <remarks>
    /// On a thread of its own: a reload is seconds of work, and on a thread-pool thread (with the new indexes built on a
    /// second one) it left a two-core server's requests waiting for a free thread, 200-340 ms at a time, while it ran.
    /// </remarks>
    public Task<CatalogueStatus> ReloadAsync(string reason) =>
        Task.Factory.StartNew(() => Reload(reason), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private CatalogueStatus Reload(string reason)
    {
        lock (_gate)
        {
            try
            {
                var result = CatalogueFolder.Load(_folder, cores: 1); // the other cores keep answering
                var warnings = result.Warnings.Select(w => w.ToString()).ToImmutableArray();
                if (result.Catalogue is { } catalogue)
                {
                    var previous = assistant.Catalogue.Version;
                    var changes = assistant.Use(catalogue);
                    announcer.Announce(assistant, changes);
                    renderings.Clear();
                    answered.Clear();
                    history.Served(_folder, catalogue, changes); // what changed is kept, so the old version is never loaded again
                    LoadMemory.ReturnAfterReload(catalogue);
                    SkillBotMetrics.RecordReload(loaded: true);
                    LogReloaded(reason, previous, catalogue.Version, catalogue.Skills.Length);
                    LogWarnings(warnings);
                    Status = new CatalogueStatus(time.GetUtcNow(), reason, true, catalogue.Version, []) { Warnings = warnings };
                }
                else
                {
                    Refused(reason, [.. result.Problems.Select(p => p.ToString())], warnings);
                }
            }
            catch (Exception e)
            {
                // The loader turns what it knows into problems; anything else must not take the server down either.
                LogFailed(reason, e);
                Refused(reason, [$"the reload failed unexpectedly ({e.GetType().Name}: {e.Message})"], []);
            }
            return Status;
        }
    }

    private void Refused(string reason, ImmutableArray<string> problems, ImmutableArray<string> warnings)
    {
        SkillBotMetrics.RecordReload(loaded: false);
        LogRefused(reason, problems.Length, assistant.Catalogue.Version);
        foreach (var problem in problems)
        {
            LogProblem(problem);
        }
        LogWarnings(warnings);
        Status = new CatalogueStatus(time.GetUtcNow(), reason, false, assistant.Catalogue.Version, problems) { Warnings = warnings };
    }

    private void LogWarnings(ImmutableArray<string> warnings)
    {
        foreach (var warning in warnings)
        {
            LogWarning(warning);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(_folder))
        {
            _watcher = new FileSystemWatcher(_folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            _watcher.Changed += (_, _) => Schedule();
            _watcher.Created += (_, _) => Schedule();
            _watcher.Deleted += (_, _) => Schedule();
            _watcher.Renamed += (_, _) => Schedule();
            // Too many changes at once (inotify's queue overflowed): some were missed, so reload anyway.
            _watcher.Error += (_, e) =>
            {
                LogWatcherError(e.GetException());
                Schedule();
            };
            _watcher.EnableRaisingEvents = true;
        }
        if (!OperatingSystem.IsWindows())
        {
            _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true; // SIGHUP means "reload", not "terminate"
                _ = ReloadAsync("SIGHUP");
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
        lock (_timerGate)
        {
            _stopped = true;
            _pending?.Dispose();
        }
        _hangup?.Dispose();
    }

    private void Schedule()
    {
        // Not under _gate: a reload in progress holds it, and file events must not queue up behind it.
        lock (_timerGate)
        {
            if (_stopped)
            {
                return;
            }
            try
            {
                _pending ??= time.CreateTimer(_ => _ = ReloadAsync("file change"), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _pending.Change(Debounce, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Stopping: no more reloads.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue reloaded ({Reason}): {Previous} -> {Version}, {Skills} skills")]
    private partial void LogReloaded(string reason, string previous, string version, int skills);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalogue reload ({Reason}) refused: {Count} problem(s); still serving {Version}")]
    private partial void LogRefused(string reason, int count, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalogue problem: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue warning: {Warning}")]
    private partial void LogWarning(string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalogue reload ({Reason}) failed unexpectedly; still serving the previous catalogue")]
    private partial void LogFailed(string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalogue folder watcher reported an error; reloading to catch up")]
    private partial void LogWatcherError(Exception exception);
}
