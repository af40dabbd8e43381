using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Slack.SocketMode;

/// <summary>How a connection ended, or why Slack wants it replaced.</summary>
internal enum ConnectionEnd
{
    /// <summary>Slack will close this connection soon (<c>warning</c>, <c>refresh_requested</c>); it still works meanwhile.</summary>
    Refresh,
    /// <summary>Slack disconnected us for another reason (<c>too_many_websockets</c>, anything new).</summary>
    Disconnected,
    /// <summary>Socket Mode is turned off for the app: reconnecting cannot help.</summary>
    Disabled,
    /// <summary>The socket closed, broke or went silent.</summary>
    Dropped,
}

internal sealed record ConnectionOutcome(ConnectionEnd End, string Reason);

/// <summary>
/// One WebSocket to Slack. It reads messages until the socket ends, hands each envelope to the handler without
/// waiting for it (so a slow handler never holds up the next envelope's 3 s) and lets one writer at a time send.
/// </summary>
internal sealed class SocketConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, Task> _inFlight = new();
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionOutcome> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closing = new();
    private readonly Func<SocketConnection, SocketEnvelope, CancellationToken, Task> _handle;
    private readonly ILogger _logger;
    private Task _reader = Task.CompletedTask;
    private int _disposed;

    private SocketConnection(int number, ClientWebSocket socket, Func<SocketConnection, SocketEnvelope, CancellationToken, Task> handle, ILogger logger)
    {
        Number = number;
        _socket = socket;
        _handle = handle;
        _logger = logger;
    }

    /// <summary>Counts connections since start, to tell them apart in logs.</summary>
    public int Number { get; }

    /// <summary>Completes at the first sign the connection is ending; it may still be readable for a while after.</summary>
    public Task<ConnectionOutcome> Ended => _ended.Task;

    /// <summary>Connects and waits for Slack's hello; throws when either takes longer than configured.</summary>
    public static async Task<SocketConnection> Open(
        Uri url, int number, SlackOptions options,
        Func<SocketConnection, SocketEnvelope, CancellationToken, Task> handle, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        // .NET answers Slack's pings itself without surfacing them, so silence is detected with our own pings:
        // a socket that has not answered one within half the silence timeout is aborted, and the read fails.
        var half = options.SocketSilenceTimeout / 2;
        socket.Options.KeepAliveInterval = half;
        socket.Options.KeepAliveTimeout = half;
        var connection = new SocketConnection(number, socket, handle, logger);
        try
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(options.SocketConnectTimeout);
                try
                {
                    await socket.ConnectAsync(url, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"the WebSocket handshake took longer than {options.SocketConnectTimeout.TotalSeconds:0.###} s");
                }
            }
            connection._reader = Task.Run(connection.Read, CancellationToken.None);
            try
            {
                await Task.WhenAny(connection._hello.Task, connection._ended.Task).WaitAsync(options.SocketHelloTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Slack sent no hello within {options.SocketHelloTimeout.TotalSeconds:0.###} s");
            }
            if (!connection._hello.Task.IsCompleted)
                throw new WebSocketException($"the connection ended before hello: {connection._ended.Task.Result.Reason}");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends an envelope's acknowledgement; false when the socket is gone and Slack will not get it.</summary>
    public async Task<bool> Send(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (_socket.State != WebSocketState.Open) return false;
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Retires the connection: lets envelopes already received finish and acknowledge (up to
    /// <paramref name="drain"/>), then closes the socket politely, stops reading and disposes it.
    /// </summary>
    public async Task Close(TimeSpan drain)
    {
        try
        {
            await Task.WhenAll(_inFlight.Values).WaitAsync(drain);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Socket Mode connection {Number} closed with {Count} envelope(s) still being handled; Slack retries unacknowledged events", Number, _inFlight.Count);
        }
        catch (Exception)
        {
            // Handlers log their own failures; here only their completion matters.
        }

        await _sendLock.WaitAsync();
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A socket that cannot close politely is aborted below.
        }
        finally
        {
            _sendLock.Release();
        }
        await DisposeAsync();
    }

    private async Task Abort()
    {
        _closing.Cancel();
        _socket.Abort();
        try
        {
            await _reader;
        }
        catch (Exception)
        {
            // The reader records how it ended; nothing more to learn here.
        }
    }

    private async Task Read()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), _closing.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        End(ConnectionEnd.Dropped, $"closed by Slack ({_socket.CloseStatus} {_socket.CloseStatusDescription})".TrimEnd());
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Text) OnMessage(message.GetBuffer().AsMemory(0, (int)message.Length));
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            End(ConnectionEnd.Dropped, "closed by us");
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            End(ConnectionEnd.Dropped, $"connection lost ({e.Message})");
        }
        finally
        {
            _hello.TrySetCanceled();
        }
    }

    private void OnMessage(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            _logger.LogWarning("Socket Mode connection {Number}: ignored a message that is not JSON", Number);
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "hello":
                    _hello.TrySetResult();
                    break;
                case "disconnect":
                    var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
                    End(reason switch
                    {
                        "warning" or "refresh_requested" => ConnectionEnd.Refresh,
                        // Slack's name for it is socket_mode_disabled; link_disabled is accepted in case it shows up.
                        "socket_mode_disabled" or "link_disabled" => ConnectionEnd.Disabled,
                        _ => ConnectionEnd.Disconnected,
                    }, reason);
                    break;
                default:
                    if (SocketEnvelope.From(root) is { } envelope) Dispatch(envelope);
                    else _logger.LogDebug("Socket Mode connection {Number}: ignored a {Type} message", Number, type);
                    break;
            }
        }
    }

    private void Dispatch(SocketEnvelope envelope)
    {
        var task = Task.Run(() => _handle(this, envelope, CancellationToken.None));
        _inFlight[envelope.EnvelopeId] = task;
        task.ContinueWith(_ => _inFlight.TryRemove(envelope.EnvelopeId, out Task? _), TaskScheduler.Default);
    }

    private void End(ConnectionEnd end, string reason) => _ended.TrySetResult(new ConnectionOutcome(end, reason));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await Abort();
        _socket.Dispose();
        _closing.Dispose();
    }
}
