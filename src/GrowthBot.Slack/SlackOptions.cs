namespace GrowthBot.Slack;

/// <summary>The <c>Slack</c> configuration section.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Bot token (xoxb-…), from the app's OAuth &amp; Permissions page.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Signing secret, from the app's Basic Information page; needed in HTTP mode.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>App-level token (xapp-…) with connections:write; when set, Socket Mode is used.</summary>
    public string AppToken { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>The app's Client ID (Basic Information); with <see cref="ClientSecret"/>, any workspace can install the app.</summary>
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// Where Slack sends the installer back (…/slack/oauth_redirect), one of the app's redirect URLs. Optional:
    /// without it Slack uses the app's only redirect URL.
    /// </summary>
    public string RedirectUrl { get; set; } = "";

    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>
    /// Many workspaces: no bot token in the environment, but a client id, so workspaces install the app through
    /// OAuth and each is served with its own stored token. With Slack__BotToken set the bot serves that one workspace.
    /// </summary>
    public bool MultiWorkspace => string.IsNullOrWhiteSpace(BotToken) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Requests signed further than this from now, either way, are refused as replays.</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Slack waits 3 s for an acknowledgement. A handler still running at this point is acknowledged empty
    /// and its reply is delivered afterwards through the response_url.
    /// </summary>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>One Web API call gives up after this long; it is then retried like a 5xx.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a 5xx, a timeout or a dropped connection.</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Waits honouring Retry-After before a rate-limited call is given up.</summary>
    public int MaxRateLimitRetries { get; set; } = 10;

    /// <summary>Hosts a response_url may point at; anything else in a payload is not posted to.</summary>
    public List<string> ResponseUrlHosts { get; set; } = ["hooks.slack.com"];

    /// <summary>Requests larger than this are refused before any parsing.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Socket Mode: apps.connections.open and the WebSocket handshake each give up after this long. Without it a
    /// hung reconnect leaves the bot silently deaf for hours.
    /// </summary>
    public TimeSpan SocketConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Socket Mode: how long a new connection may take to say hello before it is dropped and retried.</summary>
    public TimeSpan SocketHelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Socket Mode: a connection that answers no ping within this long is taken for dead and replaced. Slack pings
    /// at least every 30 s; we ping too, because .NET answers Slack's pings without telling us.
    /// </summary>
    public TimeSpan SocketSilenceTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Socket Mode: first wait before reconnecting after a failure; doubles per failure up to the maximum.</summary>
    public TimeSpan SocketReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan SocketReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Socket Mode: how long a retiring connection may take to finish acknowledging what it received.</summary>
    public TimeSpan SocketDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
