using System.Text.Json;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrowthBot.Slack.SocketMode;

public enum SocketModeState
{
    /// <summary>No app-level token: Slack reaches the app over HTTP.</summary>
    Off,
    Connecting,
    Connected,
    /// <summary>Between connections, waiting out a backoff or opening a replacement.</summary>
    Reconnecting,
    /// <summary>Slack said Socket Mode is turned off for the app; nothing more is attempted.</summary>
    Disabled,
    Stopped,
}

/// <summary>
/// Socket Mode: when an app-level token is configured, connects out to Slack over a WebSocket instead of
/// waiting for HTTP requests, and serves every envelope through the same <see cref="SlackDispatcher"/>.
/// Envelopes are handled concurrently and acknowledged by envelope_id, with the handler's reply as payload
/// where Slack accepts one. Slack's disconnects, dropped or silent sockets and failed connection attempts lead
/// to a new connection with backoff; Slack saying Socket Mode is disabled stops the client for good.
/// </summary>
public sealed class SocketModeClient(
    ISlackApi slack,
    SlackDispatcher dispatcher,
    SlackBackgroundWork background,
    IOptions<SlackOptions> options,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    public const string DisabledMessage =
        "Socket Mode is disabled for this app: turn it on in the app settings or unset Slack__AppToken";

    private int _opened;

    public SocketModeState State { get; private set; } = SocketModeState.Off;

    /// <summary>Why the last connection attempt failed or the last connection ended; null while all is well.</summary>
    public string? LastError { get; private set; }

    /// <summary>Connections that reached hello since start.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _opened);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SocketMode)
        {
            logger.LogInformation("Socket Mode off: Slack requests arrive over HTTP");
            return;
        }
        logger.LogInformation("Socket Mode on: connecting out to Slack over a WebSocket");

        var backoff = new ReconnectBackoff(settings.SocketReconnectBaseDelay, settings.SocketReconnectMaxDelay, Random.Shared.NextDouble);
        SocketConnection? current = null;
        var sentAway = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // During a hand-over the old connection still serves, so the state stays Connected.
                if (current is null) State = ConnectionsOpened == 0 ? SocketModeState.Connecting : SocketModeState.Reconnecting;
                SocketConnection next;
                try
                {
                    next = await Connect(settings, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LastError = Describe(e);
                    if (current is not null)
                    {
                        // The retiring connection could not be replaced in time; Slack is closing it anyway.
                        await current.Close(settings.SocketDrainTimeout);
                        current = null;
                    }
                    var delay = backoff.NextDelay();
                    logger.LogWarning("Socket Mode could not connect ({Error}); attempt {Attempt} failed, retrying in {Delay} ms",
                        LastError, backoff.Failures, (int)delay.TotalMilliseconds);
                    State = SocketModeState.Reconnecting;
                    await Task.Delay(delay, stoppingToken);
                    continue;
                }

                // A hello resets the backoff, except after Slack sent us away (too_many_websockets, unknown reasons):
                // a hello followed by the same disconnect again must not become a reconnect loop at the base delay.
                if (!sentAway) backoff.Reset();
                if (current is not null)
                {
                    // Hand-over: the new connection said hello, so the old one can finish what it received and go.
                    await current.Close(settings.SocketDrainTimeout);
                }
                current = next;
                State = SocketModeState.Connected;
                LastError = null;

                var outcome = await current.Ended.WaitAsync(stoppingToken);
                sentAway = outcome.End == ConnectionEnd.Disconnected;
                switch (outcome.End)
                {
                    case ConnectionEnd.Disabled:
                        logger.LogCritical(DisabledMessage);
                        LastError = "socket_mode_disabled";
                        State = SocketModeState.Disabled;
                        await current.Close(settings.SocketDrainTimeout);
                        current = null;
                        return;

                    case ConnectionEnd.Refresh:
                        // Slack warns a few seconds before it closes a connection, which still delivers meanwhile.
                        // SLACK.md advises closing the old socket before opening the new one, to keep the count of
                        // sockets low; that count is what too_many_websockets is about, and one extra socket for a
                        // few seconds stays far below the limit of 10. Opening the replacement first and retiring
                        // the old one only after the new hello means no envelope arrives while neither is open, and
                        // envelopes already received on the old one are still acknowledged on it.
                        logger.LogInformation("Slack will refresh Socket Mode connection {Number} ({Reason}); opening its replacement first",
                            current.Number, outcome.Reason);
                        continue;

                    default:
                        // Any other disconnect (too_many_websockets, reasons not known yet) or a dead socket: close it
                        // first, so a crowded app does not get yet another socket, then reconnect after a backoff.
                        LastError = outcome.Reason;
                        logger.LogWarning("Socket Mode connection {Number} ended ({Reason}); reconnecting", current.Number, outcome.Reason);
                        await current.Close(settings.SocketDrainTimeout);
                        current = null;
                        State = SocketModeState.Reconnecting;
                        await Task.Delay(backoff.NextDelay(), stoppingToken);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (current is not null) await current.Close(settings.SocketDrainTimeout);
            if (State != SocketModeState.Disabled) State = SocketModeState.Stopped;
        }
    }

    private async Task<SocketConnection> Connect(SlackOptions settings, CancellationToken stoppingToken)
    {
        string url;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            timeout.CancelAfter(settings.SocketConnectTimeout);
            try
            {
                url = await slack.OpenSocketConnection(timeout.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                throw new TimeoutException($"apps.connections.open took longer than {settings.SocketConnectTimeout.TotalSeconds:0.###} s");
            }
        }
        var number = ConnectionsOpened + 1;
        var connection = await SocketConnection.Open(new Uri(url), number, settings, Handle, logger, stoppingToken);
        Interlocked.Increment(ref _opened);
        logger.LogInformation("Socket Mode connection {Number} open", number);
        return connection;
    }

    private Task Handle(SocketConnection connection, SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        var work = HandleAndAcknowledge(connection, envelope, cancellationToken);
        // Shutdown and tests wait for envelopes in flight like for any other work after a request.
        background.Track(work);
        return work;
    }

    private async Task HandleAndAcknowledge(SocketConnection connection, SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        SlackAck ack;
        try
        {
            ack = await Dispatch(envelope);
        }
        catch (Exception e)
        {
            // The dispatcher already turns handler failures into replies; this is a last resort so Slack stops retrying.
            logger.LogError(e, "Socket Mode envelope {Type} {EnvelopeId} failed", envelope.Type, envelope.EnvelopeId);
            ack = SlackAck.Empty;
        }

        var body = envelope.AcceptsResponsePayload ? ack.Body : null;
        // A send stuck on a dead network must not hold the connection's single writer slot forever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SocketConnectTimeout);
        if (!await connection.Send(AckMessage(envelope.EnvelopeId, body), timeout.Token))
            logger.LogWarning("Socket Mode connection {Number} closed before envelope {EnvelopeId} ({Type}) was acknowledged; Slack will retry it",
                connection.Number, envelope.EnvelopeId, envelope.Type);
    }

    private async Task<SlackAck> Dispatch(SocketEnvelope envelope)
    {
        switch (envelope.Type)
        {
            case SocketEnvelope.SlashCommands:
                if (PayloadParser.Command(envelope.Payload) is { } command) return await dispatcher.Command(command);
                break;
            case SocketEnvelope.Interactive:
                if (PayloadParser.Interaction(envelope.Payload) is { } interaction) return await dispatcher.Interaction(interaction);
                break;
            case SocketEnvelope.EventsApi:
                if (PayloadParser.Event(envelope.Payload) is { } @event) return dispatcher.Event(@event, envelope.RetryAttempt);
                break;
            default:
                logger.LogDebug("Acknowledging Socket Mode envelope of unknown type {Type}", envelope.Type);
                return SlackAck.Empty;
        }
        logger.LogWarning("Socket Mode envelope {EnvelopeId}: its {Type} payload could not be read; acknowledged and ignored", envelope.EnvelopeId, envelope.Type);
        return SlackAck.Empty;
    }

    /// <summary><c>{"envelope_id":"…"}</c>, with <c>"payload"</c> when there is a reply for Slack to show.</summary>
    internal static byte[] AckMessage(string envelopeId, object? payload)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = SlackJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (payload is not null)
            {
                writer.WritePropertyName("payload");
                JsonSerializer.Serialize(writer, payload, payload.GetType(), SlackJson.Options);
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static string Describe(Exception e) => e switch
    {
        SlackApiException api => api.Error,
        TimeoutException timeout => timeout.Message,
        _ => e.Message,
    };
}
