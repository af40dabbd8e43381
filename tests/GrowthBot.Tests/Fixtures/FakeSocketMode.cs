using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// The Socket Mode side of <see cref="FakeSlack"/>: the WebSocket behind the URL apps.connections.open hands out.
/// Each connection gets a hello; the test pushes envelopes and disconnect messages onto the newest one and reads
/// the acknowledgements the bot sends back.
/// </summary>
public sealed class FakeSocketMode
{
    private readonly ConcurrentQueue<Connection> _connections = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _acks = new();
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private int _count;

    /// <summary>WebSocket connections the bot has made (each was sent a hello unless <see cref="SayHello"/> is off).</summary>
    public int ConnectionCount => Volatile.Read(ref _count);

    /// <summary>Connections the bot has not closed yet.</summary>
    public int OpenConnections => _connections.Count(c => !c.Closed.Task.IsCompleted);

    /// <summary>Off: new connections get no hello, as when Slack's side hangs after the handshake.</summary>
    public bool SayHello { get; set; } = true;

    /// <summary>The next this many connections get their hello and then never read again, so pings go unanswered.</summary>
    public int SilentConnections { get; set; }

    /// <summary>Every message the bot sent, acknowledgements included.</summary>
    public IReadOnlyList<JsonObject> Received => _received.ToList();

    /// <summary>
    /// Pushes an envelope and returns its envelope_id. It goes to the newest connection, or to the
    /// <paramref name="connection"/>-th one (from 1) when given.
    /// </summary>
    public async Task<string> SendEnvelope(string type, string payloadJson, bool acceptsResponse = false, int retryAttempt = 0, string? retryReason = null, int? connection = null)
    {
        var envelopeId = $"env-{Guid.NewGuid():N}"[..16];
        _acks.TryAdd(envelopeId, new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = JsonNode.Parse(payloadJson),
            ["accepts_response_payload"] = acceptsResponse,
        };
        if (retryAttempt > 0)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = retryReason ?? "timeout";
        }
        var target = connection is { } n ? _connections.ElementAt(n - 1) : Newest();
        await target.Send(envelope.ToJsonString());
        return envelopeId;
    }

    /// <summary>The acknowledgement the bot sent for <paramref name="envelopeId"/>: <c>{"envelope_id", "payload"?}</c>.</summary>
    public async Task<JsonObject> WaitForAck(string envelopeId, TimeSpan? timeout = null)
    {
        var ack = _acks.GetOrAdd(envelopeId, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            return await ack.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The bot never acknowledged envelope {envelopeId}. It sent: {string.Join(", ", _received.Select(r => r.ToJsonString()))}");
        }
    }

    /// <summary>Sends Slack's <c>disconnect</c> message with <paramref name="reason"/> on the newest connection, which stays open.</summary>
    public Task Disconnect(string reason) =>
        Newest().Send(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake-socket" } }.ToJsonString());

    /// <summary>Cuts the newest connection without a close handshake, like a network failure.</summary>
    public void DropConnection() => Newest().Socket.Abort();

    /// <summary>Waits until the bot has made at least <paramref name="count"/> connections.</summary>
    public async Task WaitForConnections(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (ConnectionCount < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"Expected {count} Socket Mode connection(s), the bot made {ConnectionCount}");
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the bot has closed all but <paramref name="open"/> connections.</summary>
    public async Task WaitForOpenConnections(int open, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (OpenConnections != open)
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"Expected {open} open Socket Mode connection(s), there are {OpenConnections}");
            await Task.Delay(10);
        }
    }

    internal async Task Accept(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // Decided before the connection is counted: a test that waits for the count and then flips SayHello must
        // not change what this connection gets.
        var sayHello = SayHello;
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new Connection(socket);
        _connections.Enqueue(connection);
        Interlocked.Increment(ref _count);
        if (sayHello)
        {
            try
            {
                await connection.Send("""{"type":"hello","num_connections":1,"debug_info":{"host":"fake-socket","approximate_connection_time":18060},"connection_info":{"app_id":"A0GROWTH"}}""");
                connection.Greeted = true;
            }
            catch (WebSocketException)
            {
                // The bot gave up on this connection before its hello went out.
                connection.Closed.TrySetResult();
                return;
            }
        }
        if (SilentConnections > 0)
        {
            SilentConnections--;
            // Not reading means not answering pings either: to the bot this socket has gone quiet.
            await connection.Closed.Task;
            return;
        }
        await Read(connection);
    }

    internal void AbortAll()
    {
        foreach (var connection in _connections)
        {
            connection.Socket.Abort();
            connection.Closed.TrySetResult();
        }
    }

    private async Task Read(Connection connection)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                WebSocketReceiveResult result;
                do
                {
                    result = await connection.Socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);

                if (JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) is not JsonObject received) continue;
                _received.Enqueue(received);
                if (received["envelope_id"]?.GetValue<string>() is { } id)
                    _acks.GetOrAdd(id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(received);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The bot or the test cut the connection.
        }
        finally
        {
            connection.Closed.TrySetResult();
        }
    }

    /// <summary>
    /// The connection the bot is using: the newest one that got its hello and is still open. (Not simply the last
    /// accepted: on a busy machine a connection the bot already gave up on can finish being accepted late.)
    /// </summary>
    private Connection Newest() =>
        _connections.LastOrDefault(c => c.Greeted && !c.Closed.Task.IsCompleted && c.Socket.State == WebSocketState.Open)
        ?? _connections.LastOrDefault()
        ?? throw new Xunit.Sdk.XunitException("The bot has not opened a Socket Mode connection");

    private sealed class Connection(WebSocket socket)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public WebSocket Socket { get; } = socket;
        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public volatile bool Greeted;

        public async Task Send(string json)
        {
            await _sending.WaitAsync();
            try
            {
                await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
