using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Tasks;

/// <summary><c>/task</c>: add tasks (new), see open ones with their buttons (list), and mark them done, blocked, unblocked or postponed.</summary>
public sealed class TaskCommand(
    ModalOpener opener, TaskModalOpener taskModals, TaskStore tasks, ExperimentStore experiments, TaskAccess access, TeamClock clock) : ISlashCommandHandler
{
    public const string Name = "/task";

    public const string Usage = """
        *`/task`* — the tasks that make experiments happen
        • `/task new` or `/task new E3` — add a task (for experiment E3)
        • `/task list` — open tasks, overdue and blocked first · `/task list mine` — only yours
        • `/task done T4` — mark it done
        • `/task block T4` — say what blocks it · `/task unblock T4` — it moves again
        • `/task postpone T4` — move the due date, with a reason (it is counted)
        • `/task help` — this help
        """;

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        return line.Subcommand switch
        {
            "new" or "add" => await New(command, line.FirstArgument, cancellationToken),
            "list" or "ls" => await List(command, line.FirstArgument, cancellationToken),
            "done" or "finish" => await Done(command, line.FirstArgument, cancellationToken),
            "block" or "blocked" => await OpenModal(command, line.FirstArgument, BlockTaskModal.Build, cancellationToken),
            "postpone" => await OpenModal(command, line.FirstArgument, PostponeTaskModal.Build, cancellationToken),
            "unblock" => await Unblock(command, line.FirstArgument, cancellationToken),
            "" or "help" => SlashCommandResponse.Ephemeral(Usage),
            _ => SlashCommandResponse.Ephemeral($"I don't know `/task {MrkdwnText.Escape(MrkdwnText.Truncate(line.Subcommand, 40))}`.\n\n{Usage}"),
        };
    }

    private async Task<SlashCommandResponse> New(SlashCommand command, string experimentId, CancellationToken cancellationToken)
    {
        Experiment? preselected = null;
        if (experimentId.Length > 0)
        {
            if (!ShortId.TryParse(experimentId, ShortId.Experiment, out var number))
                return SlashCommandResponse.Ephemeral($"`{MrkdwnText.Escape(MrkdwnText.Truncate(experimentId, 40))}` is not an experiment id. They look like `E3`; `/experiment list` shows them.");
            preselected = await experiments.Find(command.TeamId, number, cancellationToken);
            if (preselected is null)
                return SlashCommandResponse.Ephemeral($"There is no experiment {ShortId.Format(ShortId.Experiment, number)} in this workspace. `/experiment list` shows them.");
            if (!preselected.IsOpen)
                return SlashCommandResponse.Ephemeral($"{preselected.ShortId} is {preselected.Status.Label().ToLowerInvariant()}; tasks go to running or backlog experiments.");
        }
        var open = await experiments.List(command.TeamId, [ExperimentStatus.Running, ExperimentStatus.Backlog], cancellationToken);
        var view = NewTaskModal.Build(command.UserId, clock.Today(command.TeamId), open, preselected, ModalOrigin.Of(command));
        return SlashCommandResponse.EphemeralOrNone(await opener.Open(command.TriggerId, view, cancellationToken));
    }

    private async Task<SlashCommandResponse> List(SlashCommand command, string scope, CancellationToken cancellationToken)
    {
        var mine = scope.Equals("mine", StringComparison.OrdinalIgnoreCase) || scope.Equals("me", StringComparison.OrdinalIgnoreCase);
        if (scope.Length > 0 && !mine) return SlashCommandResponse.Ephemeral("`/task list` shows all open tasks, `/task list mine` only yours.");
        var message = await TaskListing.Render(tasks, experiments, command.TeamId, mine ? command.UserId : null, clock.Today(command.TeamId), null, cancellationToken);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }

    private async Task<SlashCommandResponse> Done(SlashCommand command, string id, CancellationToken cancellationToken)
    {
        var found = await access.ForChange(command.TeamId, id, command.UserId, cancellationToken);
        if (found.Task is not { } task) return SlashCommandResponse.Ephemeral(found.Refusal!);
        await tasks.MarkDone(task.TeamId, task.Id, command.UserId, clock.UtcNow, cancellationToken);
        return SlashCommandResponse.Ephemeral(TaskMessages.Done(task));
    }

    private async Task<SlashCommandResponse> Unblock(SlashCommand command, string id, CancellationToken cancellationToken)
    {
        var found = await access.ForChange(command.TeamId, id, command.UserId, cancellationToken);
        if (found.Task is not { } task) return SlashCommandResponse.Ephemeral(found.Refusal!);
        return await tasks.Unblock(task.TeamId, task.Id, command.UserId, clock.UtcNow, cancellationToken)
            ? SlashCommandResponse.Ephemeral($":arrow_forward: {task.ShortId} · {MrkdwnText.Escape(task.Title)} is moving again.")
            : SlashCommandResponse.Ephemeral($"{task.ShortId} isn't blocked. `/task block {task.ShortId}` records a blocker.");
    }

    private async Task<SlashCommandResponse> OpenModal(SlashCommand command, string id, Func<Domain.Tasks.GrowthTask, DateOnly, ModalOrigin, ModalView> build, CancellationToken cancellationToken) =>
        SlashCommandResponse.EphemeralOrNone(
            await taskModals.Open(command.TeamId, command.UserId, command.TriggerId, id, ModalOrigin.Of(command), build, cancellationToken));
}

/// <summary>Reads what a task list needs (open tasks and their experiments) and renders it.</summary>
public static class TaskListing
{
    public static async Task<GrowthBot.Slack.BlockKit.Message> Render(TaskStore tasks, ExperimentStore experiments, string teamId, string? ownerId, DateOnly today, string? notice, CancellationToken cancellationToken)
    {
        var open = await tasks.Open(teamId, ownerId, cancellationToken);
        var linked = open.Any(t => t.ExperimentId is not null)
            ? (await experiments.All(teamId, cancellationToken)).ToDictionary(e => e.Id)
            : new Dictionary<long, Experiment>();
        return TaskMessages.List(open, today, Wording.English, ownerId is not null, linked, notice);
    }
}
