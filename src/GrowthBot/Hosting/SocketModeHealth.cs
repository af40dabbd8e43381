using GrowthBot.Slack.SocketMode;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GrowthBot.Hosting;

/// <summary>
/// The <c>socket_mode</c> entry of /health, present only in Socket Mode: ok while a connection is open, failing
/// while reconnecting or after Slack disabled Socket Mode, so a silent reconnect loop shows up in monitoring.
/// </summary>
public sealed class SocketModeHealth(SocketModeClient client) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = client.State.ToString().ToLowerInvariant();
        var data = new Dictionary<string, object> { ["detail"] = client.LastError is null ? state : $"{state}: {client.LastError}" };
        return Task.FromResult(client.State == SocketModeState.Connected ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy(data: data));
    }
}
