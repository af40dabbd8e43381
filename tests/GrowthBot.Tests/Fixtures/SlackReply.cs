using System.Net;
using System.Text.Json.Nodes;

namespace GrowthBot.Tests.Fixtures;

/// <summary>What the bot answered Slack over HTTP: status and the JSON acknowledgement, if any.</summary>
public sealed record SlackReply(HttpStatusCode Status, JsonNode? Body, string Raw)
{
    public static async Task<SlackReply> From(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (raw.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json") body = JsonNode.Parse(raw);
        return new SlackReply(response.StatusCode, body, raw);
    }

    public bool IsEmptyAck => Status == HttpStatusCode.OK && Raw.Length == 0;

    public string? ResponseType => Body?["response_type"]?.GetValue<string>();

    public string? ResponseAction => Body?["response_action"]?.GetValue<string>();

    /// <summary>Inline modal errors by block id.</summary>
    public IReadOnlyDictionary<string, string> Errors =>
        Body?["errors"] is JsonObject errors ? errors.ToDictionary(e => e.Key, e => e.Value!.GetValue<string>()) : new Dictionary<string, string>();

    /// <summary>Everything a user would read in the reply.</summary>
    public string Text => FakeSlack.TextOf(Body);
}
