using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SkillBot.Telemetry;

/// <summary>
/// OpenTelemetry metrics and traces: SkillBot's own (meter and activity source "SkillBot"), ASP.NET
/// Core's, outbound HttpClient calls and the runtime's. Exported over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, and to the console only when asked (Telemetry:Console=true): its dump
/// is some 25 lines per request, which buries the logs. With neither, nothing is collected: a span per
/// request that nobody exports cost the load run a few percent of its throughput.
/// </summary>
public static class TelemetrySetup
{
    public const string ConsoleSetting = "Telemetry:Console";

    public static WebApplicationBuilder AddSkillBotTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var console = builder.Configuration.GetValue<bool>(ConsoleSetting);

        // Every log line written inside a request carries its trace id (shown by the console's scopes, SkillBotApp), so logs and traces join up.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!otlp && !console)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("skillbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SkillBotMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(SkillBotMetrics.MeterName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            });
        return builder;
    }
}
