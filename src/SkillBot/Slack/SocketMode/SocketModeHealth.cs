using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SkillBot.Slack.SocketMode;

/// <summary>
/// Socket Mode on /readyz, as <see cref="SocketModeClient"/> last reported it: Healthy while connected, Degraded while
/// (re)connecting or held back by Slack, Unhealthy when only an operator can fix it (a refused app token, Socket Mode
/// turned off for the app).
/// </summary>
public sealed class SocketModeHealth : IHealthCheck
{
    private sealed record State(HealthStatus Status, string Description);

    private State _state = new(HealthStatus.Degraded, "connecting");

    public void Report(HealthStatus status, string description) => Volatile.Write(ref _state, new State(status, description));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = Volatile.Read(ref _state);
        return Task.FromResult(new HealthCheckResult(state.Status, state.Description));
    }
}
