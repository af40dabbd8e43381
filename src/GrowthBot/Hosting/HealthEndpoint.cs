using Dapper;
using GrowthBot.Storage;

namespace GrowthBot.Hosting;

/// <summary><c>GET /health</c>: the database, Slack and the scheduler, each ok or not, as JSON.</summary>
public static class HealthEndpoint
{
    /// <summary>Parts of the app that report their own health (the scheduler, Socket Mode).</summary>
    public interface IHealthPart
    {
        string Name { get; }
        Task<(bool Ok, string Detail)> Check(CancellationToken cancellationToken);
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (Database database, SlackConnection slack, IEnumerable<IHealthPart> parts, TimeProvider time, CancellationToken ct) =>
        {
            var checks = new Dictionary<string, object>();
            var healthy = true;

            try
            {
                await using var connection = await database.Open(ct);
                var version = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
                checks["database"] = new { status = "ok", schema = version };
            }
            catch (Exception e)
            {
                healthy = false;
                checks["database"] = new { status = "failing", error = e.GetType().Name };
            }

            if (slack.LastCheckedAt is null || time.GetUtcNow() - slack.LastCheckedAt > TimeSpan.FromMinutes(1)) await slack.Check(ct);
            checks["slack"] = slack.Connected ? new { status = "ok", error = (string?)null } : new { status = "failing", error = slack.LastError };
            healthy &= slack.Connected;

            foreach (var part in parts)
            {
                var (ok, detail) = await part.Check(ct);
                checks[part.Name] = new { status = ok ? "ok" : "failing", detail };
                healthy &= ok;
            }

            return Results.Json(new { status = healthy ? "healthy" : "unhealthy", checks }, statusCode: healthy ? 200 : 503);
        });
        return app;
    }
}
