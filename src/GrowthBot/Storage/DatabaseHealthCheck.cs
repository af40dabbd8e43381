using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GrowthBot.Storage;

/// <summary>The <c>database</c> entry of /health: which database it is, and that it answers with its schema version.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.Open(cancellationToken);
            var version = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["engine"] = database.Dialect.Name, ["schema"] = version });
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The type names the problem (locked, missing, corrupt) without echoing paths or SQL.
            return HealthCheckResult.Unhealthy(data: new Dictionary<string, object> { ["engine"] = database.Dialect.Name, ["error"] = e.GetType().Name });
        }
    }
}
