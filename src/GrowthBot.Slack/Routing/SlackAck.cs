namespace GrowthBot.Slack.Routing;

/// <summary>
/// The acknowledgement Slack gets: an HTTP response in HTTP mode, the envelope ack's payload in Socket Mode.
/// A null body is an empty 200.
/// </summary>
public sealed record SlackAck(int StatusCode, object? Body, string ContentType = "application/json")
{
    public static readonly SlackAck Empty = new(200, null);

    public static SlackAck Json(object body) => new(200, body);

    public static SlackAck Status(int statusCode) => new(statusCode, null);
}
