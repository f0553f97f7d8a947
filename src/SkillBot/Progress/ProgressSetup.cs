using Microsoft.Extensions.Diagnostics.HealthChecks;
using SkillBot.Hosting;

namespace SkillBot.Progress;

/// <summary>Wires progress into the host: the store (migrated at startup, and on first use if the database was down), the desk, /readyz.</summary>
public static class ProgressSetup
{
    public static IServiceCollection AddProgress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ProgressOptions, ProgressOptionsValidator>(configuration, ProgressOptions.Section);
        services.AddSingleton<ProgressStore>();
        services.AddSingleton<ProgressDesk>();
        services.AddSingleton<TeamsProgress>();
        services.AddSingleton<Forgetting>();
        services.AddHostedService(sp => sp.GetRequiredService<Forgetting>());
        services.AddHostedService<ProgressMigration>();
        services.AddHealthChecks().AddCheck<ProgressHealthCheck>("progress", tags: ["ready"]);
        return services;
    }
}

/// <summary>Applies the migrations as the host starts; a database that is down then is logged, and migrated on first use.</summary>
public sealed class ProgressMigration(ProgressStore store, ILogger<ProgressMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Progress database ({Kind}) not migrated at startup ({Failure}): progress is unavailable until it answers", store.Kind, e.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Degraded (still ready: every lookup answers) while the progress database does not answer.</summary>
public sealed class ProgressHealthCheck(ProgressStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"progress database ({store.Kind}) answers");
        }
        catch (ProgressUnavailableException)
        {
            return HealthCheckResult.Degraded($"progress database ({store.Kind}) unavailable: progress actions answer that they are unavailable");
        }
    }
}
