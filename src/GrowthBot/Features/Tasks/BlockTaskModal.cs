using GrowthBot.Common;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
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
    Readers readers,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "task_block";

    public static class Blocks
    {
        public const string Reason = BlockDraft.Fields.Reason;
        public const string Note = BlockDraft.Fields.Note;
    }

    public static ModalView Build(GrowthTask task, DateOnly today, ModalOrigin origin, Wording words)
    {
        var options = Enum.GetValues<BlockReason>().Select(r => Choice(words.Label(r), r.ToString())).ToList();
        var blocks = new List<Block>
        {
            new SectionBlock(MrkdwnText.Truncate(TaskMessages.Line(task, today, words), BlockKitLimits.SectionText)),
            Input(Blocks.Reason, words.Text(TaskText.BlockReasonField), new StaticSelect
            {
                Placeholder = words.Text(TaskText.BlockReasonPlaceholder),
                Options = options,
                InitialOption = task.Blocker is { } b ? options.First(o => o.Value == b.Reason.ToString()) : null,
            }, hint: words.Text(TaskText.BlockReasonHint)),
            Text(Blocks.Note, words.Text(TaskText.BlockNoteField), TaskRules.NoteMax, initial: task.Blocker?.Note, multiline: true, optional: true,
                placeholder: words.Text(TaskText.BlockNotePlaceholder)),
        };
        return Modal(words.Text(TaskText.BlockTitle, ("id", task.ShortId)), CallbackId, words.Text(CommonText.Save), blocks, origin with { Subject = task.ShortId }, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var values = new ViewValues(submission.View.State);
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        var draft = new BlockDraft(Enum.TryParse<BlockReason>(values.Selected(Blocks.Reason), out var reason) ? reason : null, values.Text(Blocks.Note));
        var errors = draft.Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors));

        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        // The task may have been finished, or the id tampered with, while the modal was open.
        var found = await access.ForChange(submission.TeamId, origin.Subject, submission.UserId, words, cancellationToken);
        if (found.Task is not { } task) return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [Blocks.Reason] = InlineError(found.Refusal!) });

        await tasks.Block(task.Id, submission.TeamId, draft.Reason!.Value, draft.Note?.Trim() ?? "", submission.UserId, clock.UtcNow, cancellationToken);
        var message = new Message(TaskMessages.Blocked(task, draft.Reason.Value, words));
        background.TellAfterAck($"confirm block {task.ShortId}", submission.UserId, origin, message, words);
        return ViewSubmissionResponse.Close;
    }
}
