using GrowthBot.Common;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Tasks;

/// <summary>The Blocked modal: the owner says what blocks a task (skills, budget, access, waiting on someone, other) and sees it recorded.</summary>
public sealed class BlockTaskModal(
    TaskStore tasks,
    TaskAccess access,
    TeamClock clock,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "task_block";

    public static class Blocks
    {
        public const string Reason = BlockDraft.Fields.Reason;
        public const string Note = BlockDraft.Fields.Note;
    }

    public static ModalView Build(GrowthTask task, DateOnly today, ModalOrigin origin)
    {
        var options = Enum.GetValues<BlockReason>().Select(r => Choice(r.Label(), r.ToString())).ToList();
        var blocks = new List<Block>
        {
            new SectionBlock(MrkdwnText.Truncate(TaskMessages.Line(task, today, Wording.English), BlockKitLimits.SectionText)),
            Input(Blocks.Reason, "What blocks it?", new StaticSelect
            {
                Placeholder = "Choose a reason",
                Options = options,
                InitialOption = task.Blocker is { } b ? options.First(o => o.Value == b.Reason.ToString()) : null,
            }, hint: "Blockers are counted each week, so the team can remove what stops growth."),
            Text(Blocks.Note, "Note", TaskRules.NoteMax, initial: task.Blocker?.Note, multiline: true, optional: true,
                placeholder: "Who or what are you waiting for?"),
        };
        return Modal($"Blocked: {task.ShortId}", CallbackId, "Save", blocks, origin with { Subject = task.ShortId });
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var values = new ViewValues(submission.View.State);
        var draft = new BlockDraft(Enum.TryParse<BlockReason>(values.Selected(Blocks.Reason), out var reason) ? reason : null, values.Text(Blocks.Note));
        var errors = draft.Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(errors.ByField);

        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        // The task may have been finished, or the id tampered with, while the modal was open.
        var found = await access.ForChange(submission.TeamId, origin.Subject, submission.UserId, cancellationToken);
        if (found.Task is not { } task) return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [Blocks.Reason] = InlineError(found.Refusal!) });

        await tasks.Block(task.Id, submission.TeamId, draft.Reason!.Value, draft.Note?.Trim() ?? "", submission.UserId, clock.UtcNow, cancellationToken);
        var message = new Message(TaskMessages.Blocked(task, draft.Reason.Value));
        background.TellAfterAck($"confirm block {task.ShortId}", submission.UserId, origin, message);
        return ViewSubmissionResponse.Close;
    }
}
