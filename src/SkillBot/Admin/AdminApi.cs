using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SkillBot.Api;
using SkillBot.Core.Insights;
using SkillBot.LiveCatalogue;

namespace SkillBot.Admin;

/// <summary>Health for orchestrators, and the operator's endpoints behind the admin key.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        // Liveness: the process answers. Readiness: the checks tagged "ready" (catalogue loaded; Redis when configured).
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReadiness });

        app.MapPost("/api/v1/catalogue/reload", async (HttpRequest request, IOptions<AdminOptions> options, CatalogueReloader reloader) =>
            AdminKey.Check(request, options) ?? TypedResults.Json(await reloader.ReloadAsync("request"), AdminJsonContext.Default.CatalogueStatus))
            .WithName("ReloadCatalogue").WithSummary("Reload the catalogue folder now")
            .DescribeAdmin<CatalogueStatus>();
        app.MapGet("/api/v1/insights", (HttpRequest request, IOptions<AdminOptions> options, QuestionInsights insights) =>
            AdminKey.Check(request, options) ?? TypedResults.Json(insights.Report(), AdminJsonContext.Default.InsightsReport))
            .WithName("GetInsights").WithSummary("What people ask that the catalogue cannot answer, and the votes on answers")
            .DescribeAdmin<InsightsReport>();
        return app;
    }

    /// <summary>For the OpenAPI document: the key header, the result, 401 for a wrong key, 404 while the admin API is off.</summary>
    private static RouteHandlerBuilder DescribeAdmin<TResult>(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new RequiresAdminKey())
        .Produces<TResult>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static Task WriteReadiness(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Readiness(
            report.Status.ToString(),
            [.. report.Entries.Select(e => new ReadinessCheck(e.Key, e.Value.Status.ToString(), e.Value.Description))]);
        return context.Response.WriteAsJsonAsync(body, AdminJsonContext.Default.Readiness);
    }
}

public sealed record Readiness(string Status, IReadOnlyList<ReadinessCheck> Checks);

public sealed record ReadinessCheck(string Name, string Status, string? Description);

/// <summary>Ready while a catalogue is served; a refused reload makes it Degraded (still ready) and says why.</summary>
public sealed class CatalogueHealthCheck(CatalogueReloader reloader) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = reloader.Status;
        return Task.FromResult(status.Succeeded
            ? HealthCheckResult.Healthy($"serving catalogue {status.ServingVersion}")
            : HealthCheckResult.Degraded(
                $"serving catalogue {status.ServingVersion}; the reload at {status.At:O} ({status.Reason}) was refused: {string.Join("; ", status.Problems)}"));
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(CatalogueStatus))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Readiness))]
[System.Text.Json.Serialization.JsonSerializable(typeof(InsightsReport))]
public sealed partial class AdminJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
