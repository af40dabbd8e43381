using GrowthBot.Common;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
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
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "task_postpone";

    public static class Blocks
    {
        public const string NewDate = PostponeDraft.Fields.NewDate;
        public const string Reason = PostponeDraft.Fields.Reason;
    }

    public static ModalView Build(GrowthTask task, DateOnly today, ModalOrigin origin)
    {
        // Suggest the later of "two days after the due date" and "two days from now", so an overdue task is not moved into the past.
        var suggested = task.DueDate < today ? today.AddDays(2) : task.DueDate.AddDays(2);
        var blocks = new List<Block>
        {
            new SectionBlock(MrkdwnText.Truncate(TaskMessages.Line(task, today, Wording.English), BlockKitLimits.SectionText)),
            Input(Blocks.NewDate, "New due date", new DatePicker { InitialDate = Iso(suggested) },
                hint: $"After the current due date, {Wording.English.Date(task.DueDate, today)}."),
            Text(Blocks.Reason, "Why does it move?", TaskRules.ReasonMax, multiline: true,
                placeholder: "Waiting for the budget approval", hint: "Every postponement is kept and counted in the weekly report."),
        };
        return Modal($"Postpone {task.ShortId}", CallbackId, "Postpone", blocks, origin with { Subject = task.ShortId });
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var values = new ViewValues(submission.View.State);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var found = await access.ForChange(submission.TeamId, origin.Subject, submission.UserId, cancellationToken);
        if (found.Task is not { } task) return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [Blocks.Reason] = InlineError(found.Refusal!) });

        var draft = new PostponeDraft(values.Date(Blocks.NewDate), values.Text(Blocks.Reason));
        var errors = draft.Validate(task.DueDate);
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(errors.ByField);

        var postponement = await tasks.Postpone(task.Id, submission.TeamId, draft.NewDate!.Value, draft.Reason!.Trim(), submission.UserId, clock.UtcNow, cancellationToken);
        var message = new Message(TaskMessages.Postponed(task, postponement, task.Postponements + 1, clock.Today(submission.TeamId), Wording.English));
        background.TellAfterAck($"confirm postpone {task.ShortId}", submission.UserId, origin, message);
        return ViewSubmissionResponse.Close;
    }
}
