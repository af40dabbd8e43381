using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GrowthBot.Hosting;

/// <summary>
/// <c>GET /health</c> on ASP.NET Core health checks, one per part (database, slack, scheduler, socket_mode),
/// answered as <c>{"status":"healthy","checks":{"database":{"status":"ok","schema":7},…}}</c>: 200 when every
/// part is ok, 503 otherwise. Each check's data is written beside its status.
/// </summary>
public static class HealthResponse
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = Write,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }

    private static Task Write(HttpContext context, HealthReport report)
    {
        var checks = new Dictionary<string, Dictionary<string, object?>>();
        foreach (var (name, entry) in report.Entries)
        {
            var check = new Dictionary<string, object?> { ["status"] = entry.Status == HealthStatus.Healthy ? "ok" : "failing" };
            foreach (var (key, value) in entry.Data) check[key] = value;
            // A check that threw has no data of its own; its exception's type says what failed.
            if (entry.Exception is { } e) check.TryAdd("error", e.GetType().Name);
            checks[name] = check;
        }
        return context.Response.WriteAsJsonAsync(new { status = report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy", checks });
    }
}
