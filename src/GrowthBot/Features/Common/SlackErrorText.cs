using GrowthBot.Slack.WebApi;

namespace GrowthBot.Features.Common;

/// <summary>
/// What a Slack Web API error means to the person using the bot, and what they can do about it, in one
/// sentence. Used wherever the bot tells a user it could not do something, so nobody reads a bare error code.
/// </summary>
public static class SlackErrorText
{
    public static string Explain(SlackApiException error) => Explain(error.Error);

    public static string Explain(string error) => error switch
    {
        "not_in_channel" => "I'm not in that channel — invite me with `/invite @GrowthBot` and try again.",
        "channel_not_found" => "I can't see that channel: it may be private or deleted. Invite me with `/invite @GrowthBot` there, or pick another channel.",
        "is_archived" => "That channel is archived. Unarchive it or pick another one.",
        "cannot_dm_bot" or "user_not_found" or "user_disabled" => "I can't send that person a message in Slack.",
        "expired_trigger_id" => "Slack only gives me 3 seconds to open a form and that passed. Please run the command again.",
        "exchanged_trigger_id" or "invalid_trigger_id" => "Slack didn't let me open the form this time. Please run the command or click the button again.",
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" =>
            "Slack refused my token, so I can't act right now. A workspace admin needs to reinstall GrowthBot.",
        "missing_scope" or "not_allowed_token_type" => "I'm missing a Slack permission for this. A workspace admin needs to reinstall GrowthBot.",
        "ratelimited" or "rate_limited" => "Slack asked me to slow down. Please try again in a minute.",
        _ when error is "timeout" or "request_failed" or "service_unavailable" or "fatal_error" or "internal_error" || error.StartsWith("http_5", StringComparison.Ordinal) =>
            "Slack isn't answering right now. Please try again in a moment.",
        _ => $"Slack refused it ({error}).",
    };
}
