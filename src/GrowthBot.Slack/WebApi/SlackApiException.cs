namespace GrowthBot.Slack.WebApi;

/// <summary>A Web API call that did not succeed, carrying Slack's error code (e.g. <c>channel_not_found</c>).</summary>
public class SlackApiException(string method, string error, string message, IReadOnlyList<string>? details = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Method { get; } = method;

    /// <summary>Slack's error code, or <c>ratelimited</c>, <c>http_503</c>, <c>timeout</c>, <c>request_failed</c>.</summary>
    public string Error { get; } = error;

    public IReadOnlyList<string> Details { get; } = details ?? [];

    /// <summary>True when trying again later may succeed (rate limits, Slack outages, network trouble).</summary>
    public bool IsTransient => Error is "ratelimited" or "rate_limited" or "timeout" or "request_failed" or "service_unavailable"
        or "fatal_error" or "internal_error" or "request_timeout" || Error.StartsWith("http_5", StringComparison.Ordinal);
}
