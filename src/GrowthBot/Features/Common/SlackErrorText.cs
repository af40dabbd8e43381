using GrowthBot.Resources;
using GrowthBot.Slack.WebApi;

namespace GrowthBot.Features.Common;

/// <summary>
/// What a Slack Web API error means to the person using the bot, and what they can do about it, in one
/// sentence. Used wherever the bot tells a user it could not do something, so nobody reads a bare error code.
/// </summary>
public static class SlackErrorText
{
    public static string Explain(SlackApiException error, Wording words) => Explain(error.Error, words);

    public static string Explain(string error, Wording words) => error switch
    {
        "not_in_channel" => words.Text(CommonText.SlackNotInChannel),
        "channel_not_found" => words.Text(CommonText.SlackChannelNotFound),
        "is_archived" => words.Text(CommonText.SlackArchived),
        "cannot_dm_bot" or "user_not_found" or "user_disabled" => words.Text(CommonText.SlackCannotDm),
        "expired_trigger_id" => words.Text(CommonText.SlackExpiredTrigger),
        "exchanged_trigger_id" or "invalid_trigger_id" => words.Text(CommonText.SlackTriggerRefused),
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" => words.Text(CommonText.SlackTokenRefused),
        "missing_scope" or "not_allowed_token_type" => words.Text(CommonText.SlackMissingScope),
        "ratelimited" or "rate_limited" => words.Text(CommonText.SlackRateLimited),
        _ when error is "timeout" or "request_failed" or "service_unavailable" or "fatal_error" or "internal_error" || error.StartsWith("http_5", StringComparison.Ordinal) =>
            words.Text(CommonText.SlackNotAnswering),
        _ => words.Text(CommonText.SlackRefused, ("error", error)),
    };

    /// <summary>Every error code explained in its own words, for the tests that render every text.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "not_in_channel", "channel_not_found", "is_archived", "cannot_dm_bot", "expired_trigger_id", "invalid_trigger_id", "invalid_auth",
        "missing_scope", "ratelimited", "timeout", "something_else",
    ];
}
