namespace SkillBot.Hosting;

/// <summary>
/// The server's exit code. A background service that fails stops the host (BackgroundServiceExceptionBehavior.StopHost),
/// yet RunAsync returns normally: without this the process would exit 0, and a supervisor set to restart on failure
/// would leave it stopped.
/// </summary>
public static class HostExit
{
    /// <param name="hostedServices">Taken before the host runs: once RunAsync returns, its services are disposed.</param>
    public static int Code(IEnumerable<IHostedService> hostedServices) =>
        hostedServices.OfType<BackgroundService>().Any(service => service.ExecuteTask is { IsFaulted: true }) ? 1 : 0;
}
