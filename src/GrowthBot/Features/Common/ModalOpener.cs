using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Features.Common;

/// <summary>
/// The one way a modal opens: with the trigger_id of the command or click, which Slack accepts once and only within
/// 3 seconds. A missing or refused trigger becomes one sentence for the user; any other failure is thrown, so the
/// dispatcher logs it and apologises.
/// </summary>
public sealed class ModalOpener(ISlackApi slack, ILogger<ModalOpener> logger)
{
    /// <summary>Opens <paramref name="view"/>; null when it opened, otherwise what to tell the user, in <paramref name="words"/>.</summary>
    public async Task<string?> Open(string? triggerId, ModalView view, Wording words, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(triggerId)) return words.Text(CommonText.NoTrigger);
        try
        {
            await slack.OpenView(triggerId, view, cancellationToken);
            return null;
        }
        catch (SlackApiException e) when (e.Error is "expired_trigger_id" or "exchanged_trigger_id" or "invalid_trigger_id")
        {
            logger.LogInformation("Slack refused the trigger for the {CallbackId} modal: {Error}", view.CallbackId, e.Error);
            return SlackErrorText.Explain(e, words);
        }
    }
}
