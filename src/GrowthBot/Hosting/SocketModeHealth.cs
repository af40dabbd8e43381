using GrowthBot.Slack.SocketMode;

namespace GrowthBot.Hosting;

/// <summary>
/// The <c>socket_mode</c> entry of /health, present only in Socket Mode: ok while a connection is open, failing
/// while reconnecting or after Slack disabled Socket Mode, so a silent reconnect loop shows up in monitoring.
/// </summary>
public sealed class SocketModeHealth(SocketModeClient client) : HealthEndpoint.IHealthPart
{
    public string Name => "socket_mode";

    public Task<(bool Ok, string Detail)> Check(CancellationToken cancellationToken)
    {
        var state = client.State.ToString().ToLowerInvariant();
        var detail = client.LastError is null ? state : $"{state}: {client.LastError}";
        return Task.FromResult((client.State == SocketModeState.Connected, detail));
    }
}
