using System.Globalization;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
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
    Readers readers,
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

    public static ModalView Build(string userId, DateOnly today, IReadOnlyList<Experiment> open, Experiment? preselected, ModalOrigin origin, Wording words)
    {
        var blocks = new List<Block> { Text(Blocks.Title, words.Text(TaskText.TaskField), TaskRules.TitleMax, placeholder: words.Text(TaskText.TaskPlaceholder)) };
        var choices = Experiment.InListOrder(open).Take(BlockKitLimits.MaxOptions)
            .Select(e => Choice($"{e.ShortId} {e.Name}", Id(e))).ToList();
        if (preselected is not null && choices.All(c => c.Value != Id(preselected)))
            choices.Insert(0, Choice($"{preselected.ShortId} {preselected.Name}", Id(preselected)));
        if (choices.Count > 0)
        {
            blocks.Add(Input(Blocks.Experiment, words.Text(TaskText.ExperimentField), new StaticSelect
            {
                Placeholder = words.Text(TaskText.ExperimentPlaceholder),
                Options = choices.Take(BlockKitLimits.MaxOptions).ToList(),
                InitialOption = preselected is null ? null : choices.First(c => c.Value == Id(preselected)),
            }, optional: true));
        }
        blocks.Add(Input(Blocks.Owner, words.Text(TaskText.OwnerField), new UsersSelect { InitialUser = userId }, hint: words.Text(TaskText.OwnerHint)));
        blocks.Add(Input(Blocks.Due, words.Text(TaskText.DueField), new DatePicker { InitialDate = Iso(today.AddDays(DefaultDueInDays)) },
            hint: words.Text(TaskText.DueHint)));
        blocks.Add(Text(Blocks.Notes, words.Text(TaskText.NotesField), TaskRules.NotesMax, multiline: true, optional: true));
        return Modal(words.Text(TaskText.NewTaskTitle), CallbackId, words.Text(TaskText.NewTaskSubmit), blocks, origin, words);
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
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        var errors = draft.Validate(today);
        var inline = words.Errors(errors, today).ToDictionary();
        Experiment? experiment = null;
        if (long.TryParse(values.Selected(Blocks.Experiment), NumberStyles.None, CultureInfo.InvariantCulture, out var experimentId))
        {
            experiment = await experiments.FindById(submission.TeamId, experimentId, cancellationToken);
            if (experiment is not { IsOpen: true }) inline[Blocks.Experiment] = words.Text(TaskText.ExperimentGone);
        }
        if (inline.Count > 0) return ViewSubmissionResponse.WithErrors(inline);

        var task = await tasks.Add(draft.ToTask(submission.TeamId, experiment?.Id, submission.UserId, clock.UtcNow), cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var confirmation = TaskMessages.Created(task, today, words, experiment);
        background.TellAfterAck($"confirm {task.ShortId}", submission.UserId, origin, confirmation, words);
        if (task.OwnerId != submission.UserId)
        {
            // The owner should hear about work given to them from the bot, not discover it in a list, and in their own language.
            var teamId = submission.TeamId;
            background.Run($"tell {task.OwnerId} about {task.ShortId}", async (services, ct) =>
            {
                var ownerWords = await services.GetRequiredService<Readers>().Person(teamId, task.OwnerId, ct);
                await services.GetRequiredService<UserNotifier>().DirectMessage(task.OwnerId, TaskMessages.Assigned(task, today, ownerWords, experiment), ct);
            });
        }
        return ViewSubmissionResponse.Close;
    }

    private static string Id(Experiment e) => e.Id.ToString(CultureInfo.InvariantCulture);
}
