using System.Globalization;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Tasks;

/// <summary>The New task modal: the user adds a task with one owner and a due date, optionally for an experiment, and sees it with its buttons.</summary>
public sealed class NewTaskModal(
    TaskStore tasks,
    ExperimentStore experiments,
    TeamClock clock,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "task_new";

    /// <summary>A new task is due in three days unless the user picks otherwise: about half of a one-week experiment.</summary>
    public const int DefaultDueInDays = 3;

    public static class Blocks
    {
        public const string Title = TaskDraft.Fields.Title;
        public const string Experiment = "experiment";
        public const string Owner = TaskDraft.Fields.Owner;
        public const string Due = TaskDraft.Fields.DueDate;
        public const string Notes = TaskDraft.Fields.Notes;
    }

    public static ModalView Build(string userId, DateOnly today, IReadOnlyList<Experiment> open, Experiment? preselected, ModalOrigin origin)
    {
        var blocks = new List<Block> { Text(Blocks.Title, "Task", TaskRules.TitleMax, placeholder: "Write the InMail copy") };
        var choices = Experiment.InListOrder(open).Take(BlockKitLimits.MaxOptions)
            .Select(e => Choice($"{e.ShortId} {e.Name}", Id(e))).ToList();
        if (preselected is not null && choices.All(c => c.Value != Id(preselected)))
            choices.Insert(0, Choice($"{preselected.ShortId} {preselected.Name}", Id(preselected)));
        if (choices.Count > 0)
        {
            blocks.Add(Input(Blocks.Experiment, "Experiment", new StaticSelect
            {
                Placeholder = "Choose the experiment, if any",
                Options = choices.Take(BlockKitLimits.MaxOptions).ToList(),
                InitialOption = preselected is null ? null : choices.First(c => c.Value == Id(preselected)),
            }, optional: true));
        }
        blocks.Add(Input(Blocks.Owner, "Owner", new UsersSelect { InitialUser = userId }, hint: "One person who makes sure it gets done."));
        blocks.Add(Input(Blocks.Due, "Due date", new DatePicker { InitialDate = Iso(today.AddDays(DefaultDueInDays)) },
            hint: "Once set, a due date can only be postponed with a reason, and postponements are counted."));
        blocks.Add(Text(Blocks.Notes, "Notes", TaskRules.NotesMax, multiline: true, optional: true));
        return Modal("New task", CallbackId, "Add task", blocks, origin);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var values = new ViewValues(submission.View.State);
        var draft = new TaskDraft
        {
            Title = values.Text(Blocks.Title),
            OwnerId = values.User(Blocks.Owner),
            DueDate = values.Date(Blocks.Due),
            Notes = values.Text(Blocks.Notes),
        };
        var today = clock.Today(submission.TeamId);
        var errors = draft.Validate(today);
        Experiment? experiment = null;
        if (long.TryParse(values.Selected(Blocks.Experiment), NumberStyles.None, CultureInfo.InvariantCulture, out var experimentId))
        {
            experiment = await experiments.FindById(submission.TeamId, experimentId, cancellationToken);
            if (experiment is not { IsOpen: true })
                errors.Add(Blocks.Experiment, "That experiment is no longer running or in the backlog; choose another or none.");
        }
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(errors.ByField);

        var task = await tasks.Add(draft.ToTask(submission.TeamId, experiment?.Id, submission.UserId, clock.UtcNow), cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var confirmation = TaskMessages.Created(task, today, Wording.English, experiment);
        background.TellAfterAck($"confirm {task.ShortId}", submission.UserId, origin, confirmation);
        if (task.OwnerId != submission.UserId)
        {
            // The owner should hear about work given to them from the bot, not discover it in a list.
            var assigned = TaskMessages.Assigned(task, today, Wording.English, experiment);
            background.Run($"tell {task.OwnerId} about {task.ShortId}", (services, ct) =>
                services.GetRequiredService<UserNotifier>().DirectMessage(task.OwnerId, assigned, ct));
        }
        return ViewSubmissionResponse.Close;
    }

    private static string Id(Experiment e) => e.Id.ToString(CultureInfo.InvariantCulture);
}
