using System.Text;
using System.Text.Json;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace GrowthBot.Slack.Http;

/// <summary>
/// Slack's four request URLs. Each reads the raw body once, verifies its signature on those exact bytes,
/// and only then parses it. Anything unsigned gets 401, anything malformed a 4xx; never a 500.
/// </summary>
public static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app, string prefix = "/slack")
    {
        var slack = app.MapGroup(prefix);
        slack.MapPost("/command", HandleCommand);
        slack.MapPost("/action", HandleInteraction);
        slack.MapPost("/options", HandleOptions);
        slack.MapPost("/event", HandleEvent);
        return app;
    }

    private static async Task HandleCommand(HttpContext http, SlackDispatcher dispatcher)
    {
        var body = await ReadBody(http);
        if (body is null) return;
        var form = ParseForm(body);
        // Slack's SSL check is unsigned and only wants a 200.
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1" && !form.ContainsKey("command"))
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        if (!Verified(http, body) || !IsForm(http)) return;
        var command = SlashCommand.FromForm(form);
        if (command is null)
        {
            await Reject(http, StatusCodes.Status400BadRequest, "missing command fields");
            return;
        }
        await Write(http, await Guarded(http, "command", () => dispatcher.Command(command),
            SlackAck.Json(SlashCommandResponse.Ephemeral(SlackDispatcher.Apology))));
    }

    private static async Task HandleInteraction(HttpContext http, SlackDispatcher dispatcher)
    {
        var body = await ReadBody(http);
        if (body is null || !Verified(http, body) || !IsForm(http)) return;
        var payload = ParsePayload(ParseForm(body));
        if (payload is null)
        {
            await Reject(http, StatusCodes.Status400BadRequest, "payload is not an interaction");
            return;
        }
        await Write(http, await Guarded(http, "interaction", () => dispatcher.Interaction(payload), SlackAck.Status(StatusCodes.Status400BadRequest)));
    }

    /// <summary>An external select asks for its options as the user types: answered by the provider of its action_id.</summary>
    private static async Task HandleOptions(HttpContext http, SlackDispatcher dispatcher)
    {
        var body = await ReadBody(http);
        if (body is null || !Verified(http, body) || !IsForm(http)) return;
        if (ParsePayload(ParseForm(body)) is not BlockSuggestionPayload suggestion)
        {
            await Reject(http, StatusCodes.Status400BadRequest, "payload is not a block_suggestion");
            return;
        }
        await Write(http, await Guarded(http, "options", () => dispatcher.Options(suggestion), SlackAck.Status(StatusCodes.Status400BadRequest)));
    }

    private static async Task HandleEvent(HttpContext http, SlackDispatcher dispatcher)
    {
        var body = await ReadBody(http);
        if (body is null || !Verified(http, body)) return;
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await Reject(http, StatusCodes.Status415UnsupportedMediaType, "events are JSON");
            return;
        }
        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<EventEnvelope>(body, SlackJson.Options);
        }
        catch (JsonException)
        {
            envelope = null;
        }
        if (envelope is null || envelope is { Type: "event_callback", Event: { Type: null } })
        {
            await Reject(http, StatusCodes.Status400BadRequest, "body is not an event");
            return;
        }
        int.TryParse(http.Request.Headers["X-Slack-Retry-Num"], out var retry);
        await Write(http, await Guarded(http, "event", () => Task.FromResult(dispatcher.Event(envelope, retry)), SlackAck.Status(StatusCodes.Status400BadRequest)));
    }

    /// <summary>
    /// The last line of defence: the dispatcher already turns handler failures into apologies, so anything
    /// thrown here is a payload shape we did not foresee. It is logged and answered without a 500, which
    /// Slack would show the user as a bare "dispatch_failed".
    /// </summary>
    private static async Task<SlackAck> Guarded(HttpContext http, string what, Func<Task<SlackAck>> dispatch, SlackAck fallback)
    {
        try
        {
            return await dispatch();
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GrowthBot.Slack.Http")
                .LogError(e, "Could not dispatch a verified {What} to {Path}", what, http.Request.Path);
            return fallback;
        }
    }

    /// <summary>Parses the JSON of an interaction's <c>payload</c> field; null when it is not one.</summary>
    public static InteractionPayload? ParsePayload(IReadOnlyDictionary<string, StringValues> form)
    {
        if (!form.TryGetValue("payload", out var json) || StringValues.IsNullOrEmpty(json)) return null;
        return PayloadParser.Interaction(json.ToString());
    }

    public static Dictionary<string, StringValues> ParseForm(byte[] body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));

    private static async Task<byte[]?> ReadBody(HttpContext http)
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            await Reject(http, StatusCodes.Status413PayloadTooLarge, "request too large");
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await Reject(http, StatusCodes.Status413PayloadTooLarge, "request too large");
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool Verified(HttpContext http, byte[] body)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var result = SlackSignature.Verify(options.SigningSecret,
            http.Request.Headers[SlackSignature.TimestampHeader], http.Request.Headers[SlackSignature.SignatureHeader],
            body, now, options.SignatureWindow);
        if (result == SignatureCheck.Valid) return true;

        services.GetRequiredService<ILoggerFactory>().CreateLogger("GrowthBot.Slack.Verification")
            .LogWarning("Refused unverified request to {Path} from {Remote}: {Reason}", http.Request.Path, http.Connection.RemoteIpAddress, result);
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return false;
    }

    private static bool IsForm(HttpContext http)
    {
        if (http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true) return true;
        http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        return false;
    }

    private static Task Reject(HttpContext http, int status, string reason)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsync(reason);
    }

    private static async Task Write(HttpContext http, SlackAck ack)
    {
        http.Response.StatusCode = ack.StatusCode;
        if (ack.Body is null) return;
        http.Response.ContentType = ack.ContentType;
        await JsonSerializer.SerializeAsync(http.Response.Body, ack.Body, ack.Body.GetType(), SlackJson.Options, http.RequestAborted);
    }
}
