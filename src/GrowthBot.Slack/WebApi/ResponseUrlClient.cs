using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrowthBot.Slack.WebApi;

/// <summary>Posts replies to an interaction's response_url (valid 30 minutes, 5 uses).</summary>
public interface IResponseUrlClient
{
    Task Post(string? responseUrl, object message, CancellationToken cancellationToken = default);
}

/// <summary>
/// Only posts to Slack's own hosts (and the configured API host, for tests): the URL arrives in a request
/// body, and following it blindly would let anyone who can sign a request make the bot post anywhere.
/// </summary>
public sealed class ResponseUrlClient(HttpClient http, IOptions<SlackOptions> options, ILogger<ResponseUrlClient> logger) : IResponseUrlClient
{
    public async Task Post(string? responseUrl, object message, CancellationToken cancellationToken = default)
    {
        if (!Allowed(responseUrl, out var uri))
        {
            logger.LogWarning("Not posting to a response_url outside Slack: {Host}", uri?.Host ?? "(none)");
            return;
        }
        using var response = await http.PostAsync(uri, JsonContent.Create(message, message.GetType(), options: SlackJson.Options), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new SlackApiException("response_url", body.Length is > 0 and < 100 ? body : $"http_{(int)response.StatusCode}",
                $"Slack refused the reply to a response_url: HTTP {(int)response.StatusCode} {body}");
        }
    }

    private bool Allowed(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out uri)) return false;
        var host = uri.Host;
        if (options.Value.ResponseUrlHosts.Contains(host, StringComparer.OrdinalIgnoreCase) && uri.Scheme == Uri.UriSchemeHttps) return true;
        return Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var api)
            && string.Equals(api.Host, host, StringComparison.OrdinalIgnoreCase) && api.Port == uri.Port && api.Scheme == uri.Scheme;
    }
}
