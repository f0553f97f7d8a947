using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SkillBot.Hosting;
using SkillBot.Slack.Dispatch;
using SkillBot.Slack.Handlers;
using SkillBot.Slack.Http;
using SkillBot.Slack.SocketMode;
using SkillBot.Slack.Verification;
using SkillBot.Slack.WebApi;

namespace SkillBot.Slack;

/// <summary>Wires Slack into the host: nothing at all unless a signing secret or an app token is configured.</summary>
public static class SlackSetup
{
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = SlackOptions.From(configuration);
        if (!settings.Enabled)
        {
            return services;
        }
        services.AddSettings<SlackOptions, SlackOptionsValidator>(configuration, SlackOptions.Section)
            .PostConfigure(o => o.ReadLists(configuration.GetSection(SlackOptions.Section)));

        services.AddSingleton<SlackSignature>();
        services.AddSingleton<SlackRequestFilter>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackWorkQueue>());
        services.AddSingleton<SlashCommandHandler>();
        services.AddSingleton<SlackEventHandler>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<Progress.SlackProgress>();
        services.AddSingleton<SlackDispatcher>();
        if (settings.SocketModeEnabled)
        {
            services.AddSettings<SocketModeOptions, SocketModeOptionsValidator>(configuration, SocketModeOptions.Section);
            services.AddSingleton<SocketModeHealth>();
            services.AddHealthChecks().AddCheck<SocketModeHealth>("slack-socket-mode", tags: ["ready"]);
            services.AddHostedService<SocketModeClient>();
        }

        services.AddHttpClient(SlackApiClient.HttpClientName, (sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUri;
                // The resilience pipeline below bounds the time; this is only a backstop.
                http.Timeout = TimeSpan.FromSeconds(60);
            })
            .RemoveAllLoggers() // its logs would carry response_url paths, which are credentials
            .AddResilienceHandler("slack", pipeline =>
            {
                pipeline.AddTimeout(TimeSpan.FromSeconds(30)); // everything, retries included
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // Retries 429 (waiting as long as Retry-After says), 5xx, 408 and network failures.
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    MaxDelay = TimeSpan.FromSeconds(10),
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10)); // one attempt
            });
        return services;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<IOptions<SlackOptions>>()?.Value is { HttpEnabled: true } settings)
        {
            SlackEndpoints.Map(app, settings);
        }
        return app;
    }
}
