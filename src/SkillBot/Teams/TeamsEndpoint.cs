using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SkillBot.Hosting;

namespace SkillBot.Teams;

/// <summary>The Bot Framework endpoint for Teams: <c>POST /api/messages</c> (Teams:Path) and its services.</summary>
public static class TeamsEndpoint
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TeamsOptions, TeamsOptionsValidator>(configuration, TeamsOptions.Section)
            .PostConfigure(o => o.ReadLists(configuration.GetSection(TeamsOptions.Section)));
        services.AddSingleton<ServiceUrlAllowList>();
        services.AddSingleton<BotAuthenticator>();
        services.AddSingleton<TeamsBot>();
        services.AddSingleton<TeamsOutbound>();
        services.AddSingleton<ReplyQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ReplyQueue>());

        services.AddHttpClient(nameof(SigningKeys), http => http.Timeout = TimeSpan.FromSeconds(10));
        // The client's own timeout bounds a send with all its retries (the resilience handler runs inside it): one timer
        // fewer on every reply than a second timeout strategy around the retries.
        services.AddHttpClient(nameof(BotTokenClient), http => http.Timeout = WholeSendTimeout).AddResilienceHandler("teams-token", Retries);
        services.AddSingleton<BotTokenClient>();
        // ConnectorClient logs what fails itself; the factory's per-request log scopes cost a reply a few percent.
        services.AddHttpClient(ConnectorClient.HttpClientName, http => http.Timeout = WholeSendTimeout)
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new ResilienceHandler(
                ConnectorRetries(sp.GetRequiredService<IOptions<TeamsOptions>>().Value, sp.GetRequiredService<ILogger<ConnectorClient>>())));
        services.AddSingleton<ConnectorClient>();
        return services;
    }

    /// <summary>A send to Microsoft, its retries and their waits included.</summary>
    private static readonly TimeSpan WholeSendTimeout = TimeSpan.FromSeconds(60);

    /// <summary>429 waits for Retry-After, 5xx and network errors back off exponentially with jitter; each attempt bounded, and the whole send by the client's timeout.</summary>
    private static void Retries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context) =>
        AddRetries(pipeline, context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value);

    private const int MaxRetries = 4;

    private static ResiliencePipelineBuilder<HttpResponseMessage> AddRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TeamsOptions options, ILogger? retries = null) =>
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetries,
            Delay = options.ConnectorRetryDelay,
            MaxDelay = TimeSpan.FromSeconds(20),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            OnRetry = retry =>
            {
                retries?.LogWarning("Retrying a send to the connector (retry {Retry} of {Retries}) in {Delay}: {Outcome}", retry.AttemptNumber + 1, MaxRetries, retry.RetryDelay,
                    LogSafe.Text(retry.Outcome.Exception?.Message ?? $"{(int?)retry.Outcome.Result?.StatusCode} {retry.Outcome.Result?.ReasonPhrase}"));
                return ValueTask.CompletedTask;
            },
        }).AddTimeout(TimeSpan.FromSeconds(15));

    /// <summary>
    /// The connector's retries, built outside the resilience DI: a reply is sent for every message, and the
    /// registered pipelines' telemetry and reload tracking cost a reply more than its retry and timeout do. A retry is
    /// logged here instead.
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> ConnectorRetries(TeamsOptions options, ILogger logger) =>
        AddRetries(new ResiliencePipelineBuilder<HttpResponseMessage>(), options, logger).Build();

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (!options.AuthenticationEnabled)
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoint)).LogWarning(
                "Teams:AppId is not set: {Path} runs WITHOUT authentication and serves loopback clients only (development, Agents Playground). Set Teams:AppId and Teams:AppPassword to serve Teams.",
                options.Path);
        }
        app.MapPost(options.Path, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, IOptions<TeamsOptions> options, BotAuthenticator authenticator, ServiceUrlAllowList allowList, TeamsBot bot, ILogger<TeamsBot> logger)
    {
        var settings = options.Value;
        var cancellation = context.RequestAborted;
        BotCaller? caller = null;
        if (settings.AuthenticationEnabled)
        {
            caller = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization.FirstOrDefault(), cancellation);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
        }
        else if (!IsLocalClient(context))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var (body, status) = await RequestBody.ReadAtMostAsync(context.Request, settings.MaxActivityBytes, cancellation);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: status, detail: status == StatusCodes.Status413PayloadTooLarge
                ? $"The activity is larger than {settings.MaxActivityBytes} bytes."
                : "The activity could not be read whole.");
        }
        if (Parse(body) is not { } activity)
        {
            return TypedResults.Problem(detail: "The body is not a Bot Framework activity: a JSON object with type and an absolute serviceUrl.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (caller?.Refuses(activity) is { } reason)
        {
            logger.LogInformation("Teams request refused: {Reason}", reason);
            return Results.Unauthorized();
        }
        if (!allowList.Allows(activity.ServiceUrl))
        {
            logger.LogWarning("Teams request refused: serviceUrl {ServiceUrl} is not on Teams:AllowedServiceUrls", LogSafe.Text(activity.ServiceUrl));
            return Results.Unauthorized();
        }
        return Http(await bot.HandleAsync(activity, cancellation));
    }

    /// <summary>The bot's answer as HTTP: an invoke's body as JSON, a refusal as problem details, anything else an empty 200.</summary>
    private static IResult Http(TeamsResponse response) => response switch
    {
        TeamsResponse.CardInvoke card => TypedResults.Json(card.Body, TeamsJsonContext.Default.AdaptiveCardInvokeResponse),
        TeamsResponse.SearchInvoke search => TypedResults.Json(search.Body, TeamsJsonContext.Default.MessageExtensionResponse),
        TeamsResponse.Refused refused => TypedResults.Problem(detail: refused.Detail, statusCode: refused.Status),
        _ => Results.Ok(),
    };

    /// <summary>
    /// Development mode answers this machine only. A request relayed by a local reverse proxy looks local,
    /// so forwarded requests are refused too: a misconfigured public server answers no one.
    /// </summary>
    private static bool IsLocalClient(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("Forwarded");

    private static Activity? Parse(byte[] body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize(body, TeamsJsonContext.Default.Activity);
            return activity is { Type.Length: > 0 } && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _) ? activity : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
