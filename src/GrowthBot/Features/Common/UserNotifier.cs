using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Features.Common;

/// <summary>
/// Tells one person something after their modal is submitted: privately in the conversation the modal was
/// opened from (through its response_url), or in their DM with the bot when that is not possible. The message is already in
/// the person's language; <c>words</c> is that language, for the line that says why the reply came to the DM.
/// </summary>
public sealed class UserNotifier(IResponseUrlClient responder, ISlackApi slack, ILogger<UserNotifier> logger)
{
    public async Task Tell(string userId, ModalOrigin origin, Message message, Wording words, CancellationToken cancellationToken)
    {
        if (origin.ResponseUrl is not null)
        {
            try
            {
                await responder.Post(origin.ResponseUrl, new { response_type = "ephemeral", text = message.Text, blocks = message.Blocks }, cancellationToken);
                return;
            }
            catch (Exception e) when (e is SlackApiException or HttpRequestException)
            {
                // response_urls expire after 30 minutes; a long-open modal falls back to the DM.
                logger.LogInformation("Replying through response_url failed ({Error}); sending a DM instead", e.Message);
                // When the channel itself is the problem, the DM says why the reply came here and what to do.
                if (e is SlackApiException { Error: "not_in_channel" or "channel_not_found" or "is_archived" } api)
                    message = message with { Blocks = [.. message.Blocks ?? [new SectionBlock(MrkdwnText.Escape(message.Text))], new ContextBlock(SlackErrorText.Explain(api, words))] };
            }
        }
        await DirectMessage(userId, message, cancellationToken);
    }

    public async Task<PostMessageResponse> DirectMessage(string userId, Message message, CancellationToken cancellationToken)
    {
        var channel = await slack.OpenConversation(userId, cancellationToken);
        return await slack.PostMessage(new PostMessageRequest(channel, message.Text) { Blocks = message.Blocks }, cancellationToken);
    }
}
