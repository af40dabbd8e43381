using GrowthBot.Slack.Payloads;

namespace GrowthBot.Slack.Routing;

/// <summary>Handles one slash command (e.g. <c>/experiment</c>) and returns what the user sees.</summary>
public interface ISlashCommandHandler
{
    Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken);
}

/// <summary>Handles the submission of modals with one <c>callback_id</c>.</summary>
public interface IViewSubmissionHandler
{
    Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken);
}

/// <summary>Handles clicks on elements with one <c>action_id</c> (or <c>action_id:suffix</c>).</summary>
public interface IBlockActionHandler
{
    Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken);
}

public sealed record BlockActionRequest(BlockActionsPayload Payload, BlockAction Action)
{
    public string TeamId => Payload.TeamId;
    public string UserId => Payload.UserId;
    public string? TriggerId => Payload.TriggerId;

    /// <summary>The part of the action_id after <c>:</c>, or the action's value.</summary>
    public string? Argument
    {
        get
        {
            var colon = Action.ActionId.IndexOf(':');
            return colon >= 0 ? Action.ActionId[(colon + 1)..] : Action.Value ?? Action.SelectedOption?.Value;
        }
    }
}

/// <summary>Handles one event type of the Events API. Runs after Slack has been acknowledged.</summary>
public interface IEventHandler
{
    Task Handle(EventCallback callback, CancellationToken cancellationToken);
}

/// <summary>Answers an external select's request for options.</summary>
public interface IBlockOptionsProvider
{
    Task<OptionsResponse> GetOptions(BlockSuggestionPayload suggestion, CancellationToken cancellationToken);
}
