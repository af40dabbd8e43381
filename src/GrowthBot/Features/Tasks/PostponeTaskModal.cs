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

/// <summary>The Postpone modal: the owner moves a due date forward with a reason and sees how often it has moved.</summary>
public sealed class PostponeTaskModal(
    TaskStore tasks,
    TaskAccess access,
    TeamClock clock,
    Readers readers,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "task_postpone";

    public static class Blocks
    {
        public const string NewDate = PostponeDraft.Fields.NewDate;
        public const string Reason = PostponeDraft.Fields.Reason;
    }

    public static ModalView Build(GrowthTask task, DateOnly today, ModalOrigin origin, Wording words)
    {
        // Suggest the later of "two days after the due date" and "two days from now", so an overdue task is not moved into the past.
        var suggested = task.DueDate < today ? today.AddDays(2) : task.DueDate.AddDays(2);
        var blocks = new List<Block>
        {
            new SectionBlock(MrkdwnText.Truncate(TaskMessages.Line(task, today, words), BlockKitLimits.SectionText)),
            Input(Blocks.NewDate, words.Text(TaskText.NewDueField), new DatePicker { InitialDate = Iso(suggested) },
                hint: words.Text(TaskText.NewDueHint, ("due", words.Date(task.DueDate, today)))),
            Text(Blocks.Reason, words.Text(TaskText.PostponeReasonField), TaskRules.ReasonMax, multiline: true,
                placeholder: words.Text(TaskText.PostponeReasonPlaceholder), hint: words.Text(TaskText.PostponeReasonHint)),
        };
        return Modal(words.Text(TaskText.PostponeTitle, ("id", task.ShortId)), CallbackId, words.Text(TaskText.PostponeSubmit), blocks, origin with { Subject = task.ShortId }, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var values = new ViewValues(submission.View.State);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        var found = await access.ForChange(submission.TeamId, origin.Subject, submission.UserId, words, cancellationToken);
        if (found.Task is not { } task) return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [Blocks.Reason] = InlineError(found.Refusal!) });

        var draft = new PostponeDraft(values.Date(Blocks.NewDate), values.Text(Blocks.Reason));
        var today = clock.Today(submission.TeamId);
        var errors = draft.Validate(task.DueDate);
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors, today));

        var postponement = await tasks.Postpone(task.Id, submission.TeamId, draft.NewDate!.Value, draft.Reason!.Trim(), submission.UserId, clock.UtcNow, cancellationToken);
        var message = new Message(TaskMessages.Postponed(task, postponement, task.Postponements + 1, today, words));
        background.TellAfterAck($"confirm postpone {task.ShortId}", submission.UserId, origin, message, words);
        return ViewSubmissionResponse.Close;
    }
}
