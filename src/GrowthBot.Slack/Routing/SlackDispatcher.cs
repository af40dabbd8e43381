using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrowthBot.Slack.Routing;

/// <summary>
/// Routes verified Slack requests to their handlers, whatever the transport (HTTP or Socket Mode), and turns
/// what handlers return into Slack's acknowledgement. Slack gets its answer within the ack deadline: a handler
/// still running then is acknowledged empty and its reply follows through the response_url. A handler that
/// throws is logged and the user gets a short apology; a request never hangs and never becomes a 500.
/// Everything a request or event sets off runs in the <see cref="SlackTeamScope"/> of the team it came from, so its
/// Web API calls carry that team's token.
/// </summary>
public sealed class SlackDispatcher(
    SlackHandlerRegistry registry,
    IServiceScopeFactory scopes,
    SlackBackgroundWork background,
    IResponseUrlClient responder,
    ISlackBots bots,
    IReplyTexts replyTexts,
    SlackIdentity identity,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackDispatcher> logger)
{
    /// <summary>The apology in English, for when not even the person's language can be known.</summary>
    public const string Apology = ":warning: Sorry, something went wrong on our side and it has been logged. Please try again in a moment.";

    /// <summary>How long the person's wording of an apology may take before they get the English one: the ack cannot wait.</summary>
    private static readonly TimeSpan WordingWait = TimeSpan.FromSeconds(1);

    public async Task<SlackAck> Command(SlashCommand command)
    {
        identity.RememberAppId(command.ApiAppId);
        using var team = SlackTeamScope.Enter(command.TeamId);
        var handlerType = registry.Command(command.Command);
        if (handlerType is null)
        {
            logger.LogWarning("No handler for slash command {Command}", command.Command);
            // Echo at most a short piece of what was typed: the reply must stay within Slack's message limits.
            var texts = await Texts(command.TeamId, command.UserId);
            return SlackAck.Json(SlashCommandResponse.Ephemeral(texts.UnknownCommand(MrkdwnText.Escape(MrkdwnText.Truncate(command.Command, 100)))));
        }

        var what = $"{command.Command} {FirstWord(command.Text)}".TrimEnd();
        return await WithDeadline(
            what,
            (services, ct) => ((ISlashCommandHandler)services.GetRequiredService(handlerType)).Handle(command, ct),
            reply => reply.IsEmpty ? SlackAck.Empty : SlackAck.Json(reply),
            (reply, ct) => reply.IsEmpty ? Task.CompletedTask : responder.Post(command.ResponseUrl, reply, ct),
            async () => SlashCommandResponse.Ephemeral((await Texts(command.TeamId, command.UserId)).Apology));
    }

    public async Task<SlackAck> Interaction(InteractionPayload payload)
    {
        identity.RememberAppId(payload.ApiAppId);
        using var team = SlackTeamScope.Enter(payload.TeamId);
        return payload switch
        {
            ViewSubmissionPayload submission => await ViewSubmission(submission),
            BlockActionsPayload actions => await BlockActions(actions),
            BlockSuggestionPayload suggestion => await Options(suggestion),
            // view_closed is only sent for views with notify_on_close, which none of ours sets.
            _ => SlackAck.Empty,
        };
    }

    public async Task<SlackAck> Options(BlockSuggestionPayload suggestion)
    {
        using var team = SlackTeamScope.Enter(suggestion.TeamId);
        var handlerType = registry.Options(suggestion.ActionId);
        if (handlerType is null) return SlackAck.Json(new OptionsResponse([]));
        return await WithDeadline(
            $"options {suggestion.ActionId}",
            (services, ct) => ((IBlockOptionsProvider)services.GetRequiredService(handlerType)).GetOptions(suggestion, ct),
            SlackAck.Json,
            (_, _) => Task.CompletedTask,
            () => Task.FromResult(new OptionsResponse([])));
    }

    /// <summary>Acknowledges at once; handlers run afterwards, once per event id, never for the bot's own messages.</summary>
    public SlackAck Event(EventEnvelope envelope, int retryNumber = 0)
    {
        if (envelope.Type == "url_verification") return SlackAck.Json(new { challenge = envelope.Challenge ?? "" });
        if (envelope is not { Type: "event_callback", Event: { } e, EventId: { } eventId }) return SlackAck.Empty;
        identity.RememberAppId(envelope.ApiAppId);

        var handlerTypes = registry.Events(e.Type);
        if (handlerTypes.Count == 0)
        {
            logger.LogDebug("Ignoring event {EventType}: no handler", e.Type);
            return SlackAck.Empty;
        }

        var callback = new EventCallback(envelope.TeamId ?? e.Team ?? "", eventId, e) { RetryNumber = retryNumber };
        background.Run($"event {e.Type} {eventId}", async (services, ct) =>
        {
            using var team = SlackTeamScope.Enter(callback.TeamId);
            if (await IsOwn(callback, ct)) return;
            var deduplicator = services.GetRequiredService<IEventDeduplicator>();
            if (!await deduplicator.FirstDelivery(callback.TeamId, eventId, ct))
            {
                logger.LogInformation("Event {EventId} ({EventType}) already handled; retry {Retry} ignored", eventId, e.Type, retryNumber);
                return;
            }
            foreach (var handlerType in handlerTypes)
            {
                try
                {
                    await ((IEventHandler)services.GetRequiredService(handlerType)).Handle(callback, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Handler} failed on event {EventType} {EventId}", handlerType.Name, e.Type, eventId);
                }
            }
        });
        return SlackAck.Empty;
    }

    /// <summary>
    /// A message the bot itself posted, in that team (membership events about the bot still count). Events without a
    /// sender (app_uninstalled, tokens_revoked) are never the bot's, and need no installation to be recognised.
    /// </summary>
    private async Task<bool> IsOwn(EventCallback callback, CancellationToken cancellationToken)
    {
        var e = callback.Event;
        if (e.Type is "member_joined_channel" or "member_left_channel" || (e.User is null && e.BotId is null)) return false;
        return await bots.For(callback.TeamId, cancellationToken) is { } bot && bot.IsOwn(e);
    }

    private async Task<SlackAck> ViewSubmission(ViewSubmissionPayload submission)
    {
        var handlerType = registry.ViewSubmission(submission.View.CallbackId);
        if (handlerType is null)
        {
            logger.LogWarning("No handler for view callback {CallbackId}", submission.View.CallbackId);
            return SlackAck.Json(ViewSubmissionResponse.Update(ApologyModal(await Texts(submission.TeamId, submission.UserId))));
        }
        return await WithDeadline(
            $"view {submission.View.CallbackId}",
            (services, ct) => ((IViewSubmissionHandler)services.GetRequiredService(handlerType)).Handle(submission, ct),
            reply => reply.ResponseAction is null ? SlackAck.Empty : SlackAck.Json(reply),
            (reply, _) =>
            {
                if (reply.ResponseAction is not null)
                    logger.LogWarning("View {CallbackId} answered {Action} too late to be shown", submission.View.CallbackId, reply.ResponseAction);
                return Task.CompletedTask;
            },
            async () => ViewSubmissionResponse.Update(ApologyModal(await Texts(submission.TeamId, submission.UserId))));
    }

    private async Task<SlackAck> BlockActions(BlockActionsPayload payload)
    {
        foreach (var action in payload.Actions)
        {
            var handlerType = registry.Action(action.ActionId);
            if (handlerType is null)
            {
                // Link buttons and selects that only feed a later submission have no handler; that is normal.
                logger.LogDebug("No handler for action {ActionId}", action.ActionId);
                continue;
            }
            var request = new BlockActionRequest(payload, action);
            await WithDeadline(
                $"action {action.ActionId}",
                (services, ct) => ((IBlockActionHandler)services.GetRequiredService(handlerType)).Handle(request, ct),
                reply =>
                {
                    if (!reply.IsEmpty) background.Run($"reply to {action.ActionId}", (services, ct) => ReplyToAction(services, payload, reply, ct));
                    return SlackAck.Empty;
                },
                (reply, ct) => reply.IsEmpty ? Task.CompletedTask : ReplyToAction(null, payload, reply, ct),
                async () => ActionResponse.Ephemeral((await Texts(payload.TeamId, payload.UserId)).Apology));
        }
        return SlackAck.Empty;
    }

    /// <summary>
    /// Sends an action's reply. Messages carry a response_url; the App Home and modals do not, so there an
    /// ephemeral reply goes to the user's DM with the bot instead.
    /// </summary>
    private async Task ReplyToAction(IServiceProvider? services, BlockActionsPayload payload, ActionResponse reply, CancellationToken ct)
    {
        if (payload.ResponseUrl is not null)
        {
            await responder.Post(payload.ResponseUrl, reply, ct);
            return;
        }
        if (reply.Text is null || reply.ReplaceOriginal == true) return;
        await using var scope = services is null ? scopes.CreateAsyncScope() : (AsyncServiceScope?)null;
        var api = (services ?? scope!.Value.ServiceProvider).GetRequiredService<ISlackApi>();
        var dm = await api.OpenConversation(payload.UserId, ct);
        await api.PostMessage(new PostMessageRequest(dm, reply.Text) { Blocks = reply.Blocks }, ct);
    }

    private async Task<SlackAck> WithDeadline<T>(
        string what,
        Func<IServiceProvider, CancellationToken, Task<T>> handle,
        Func<T, SlackAck> acknowledge,
        Func<T, CancellationToken, Task> deliverLate,
        Func<Task<T>> apology)
    {
        var scope = scopes.CreateAsyncScope();
        var work = RunAndDispose(scope, handle);
        // The deadline is its own task, not a TimeoutException from the wait: a handler that throws TimeoutException
        // itself (a call of its own timed out) has failed and is answered now, it is not still running.
        using var finished = new CancellationTokenSource();
        var deadline = Task.Delay(options.Value.AckDeadline, time, finished.Token);
        if (await Task.WhenAny(work, deadline) != work)
        {
            logger.LogWarning("{Work} still running after {Deadline} ms: acknowledged empty, its reply will follow",
                what, options.Value.AckDeadline.TotalMilliseconds);
            background.Track(DeliverLate(what, work, deliverLate, apology));
            return SlackAck.Empty;
        }
        await finished.CancelAsync();
        try
        {
            return acknowledge(await work);
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Work} failed", what);
            return acknowledge(await apology());
        }
    }

    private async Task DeliverLate<T>(string what, Task<T> work, Func<T, CancellationToken, Task> deliver, Func<Task<T>> apology)
    {
        T reply;
        try
        {
            reply = await work;
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Work} failed after it was acknowledged", what);
            reply = await apology();
        }
        try
        {
            await deliver(reply, background.Stopping);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not deliver the late reply of {Work}", what);
        }
    }

    private async Task<T> RunAndDispose<T>(AsyncServiceScope scope, Func<IServiceProvider, CancellationToken, Task<T>> handle)
    {
        await using (scope)
        {
            // Yield first so a handler that blocks synchronously still lets the deadline fire.
            await Task.Yield();
            return await handle(scope.ServiceProvider, background.Stopping);
        }
    }

    private static ModalView ApologyModal(ReplyTexts texts) =>
        new(new PlainText(texts.ApologyTitle), [new SectionBlock(texts.Apology)]) { Close = new PlainText(texts.Close) };

    /// <summary>The person's wording of what the Slack layer says, or English when it cannot be had at once (the ack is waiting).</summary>
    private async Task<ReplyTexts> Texts(string teamId, string userId)
    {
        try
        {
            return await replyTexts.For(teamId, userId, background.Stopping).WaitAsync(WordingWait, time);
        }
        catch (Exception e) when (e is not OperationCanceledException || !background.Stopping.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not find {User}'s language for a reply; answering in English", userId);
            return ReplyTexts.English;
        }
    }

    private static string FirstWord(string text)
    {
        var trimmed = text.TrimStart();
        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        var word = space < 0 ? trimmed : trimmed[..space];
        return word.Length > 20 ? word[..20] : word;
    }
}
