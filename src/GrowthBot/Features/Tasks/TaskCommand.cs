using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Tasks;

/// <summary><c>/task</c>: add tasks (new), see open ones with their buttons (list), and mark them done, blocked, unblocked or postponed.</summary>
public sealed class TaskCommand(
    ModalOpener opener, TaskModalOpener taskModals, TaskStore tasks, ExperimentStore experiments, TaskAccess access, TeamClock clock, Readers readers) : ISlashCommandHandler
{
    public const string Name = "/task";

    /// <summary>What <c>{Name} help</c> shows: every subcommand with an example (<c>Resources/Help.resx</c>).</summary>
    public static string Usage(Wording words, DateOnly today) => words.Text(HelpText.UsageTask);

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        return line.Subcommand switch
        {
            "new" or "add" => await New(command, line.FirstArgument, words, cancellationToken),
            "list" or "ls" => await List(command, line.FirstArgument, words, cancellationToken),
            "done" or "finish" => await Done(command, line.FirstArgument, words, cancellationToken),
            "block" or "blocked" => await OpenModal(command, line.FirstArgument, BlockTaskModal.Build, cancellationToken),
            "postpone" => await OpenModal(command, line.FirstArgument, PostponeTaskModal.Build, cancellationToken),
            "unblock" => await Unblock(command, line.FirstArgument, words, cancellationToken),
            "" or "help" => SlashCommandResponse.Ephemeral(Usage(words, clock.Today(command.TeamId))),
            _ => SlashCommandResponse.Ephemeral(CommandLine.Unknown(Name, line.Subcommand, words, clock.Today(command.TeamId), Usage)),
        };
    }

    private async Task<SlashCommandResponse> New(SlashCommand command, string experimentId, Wording words, CancellationToken cancellationToken)
    {
        Experiment? preselected = null;
        if (experimentId.Length > 0)
        {
            if (!ShortId.TryParse(experimentId, ShortId.Experiment, out var number))
                return SlashCommandResponse.Ephemeral(TaskMessages.NotAnExperimentId(experimentId, words));
            preselected = await experiments.Find(command.TeamId, number, cancellationToken);
            if (preselected is null) return SlashCommandResponse.Ephemeral(TaskMessages.NoSuchExperiment(ShortId.Format(ShortId.Experiment, number), words));
            if (!preselected.IsOpen) return SlashCommandResponse.Ephemeral(TaskMessages.ExperimentClosed(preselected, words));
        }
        var open = await experiments.List(command.TeamId, [ExperimentStatus.Running, ExperimentStatus.Backlog], cancellationToken);
        var view = NewTaskModal.Build(command.UserId, clock.Today(command.TeamId), open, preselected, ModalOrigin.Of(command), words);
        return SlashCommandResponse.EphemeralOrNone(await opener.Open(command.TriggerId, view, words, cancellationToken));
    }

    private async Task<SlashCommandResponse> List(SlashCommand command, string scope, Wording words, CancellationToken cancellationToken)
    {
        // `mine` is part of the command's syntax, like the subcommands: slash commands are not translated.
        var mine = scope.Equals("mine", StringComparison.OrdinalIgnoreCase) || scope.Equals("me", StringComparison.OrdinalIgnoreCase);
        if (scope.Length > 0 && !mine) return SlashCommandResponse.Ephemeral(words.Text(TaskText.ListScope));
        var message = await TaskListing.Render(tasks, experiments, command.TeamId, mine ? command.UserId : null, clock.Today(command.TeamId), null, words, cancellationToken);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }

    private async Task<SlashCommandResponse> Done(SlashCommand command, string id, Wording words, CancellationToken cancellationToken)
    {
        var found = await access.ForChange(command.TeamId, id, command.UserId, words, cancellationToken);
        if (found.Task is not { } task) return SlashCommandResponse.Ephemeral(found.Refusal!);
        await tasks.MarkDone(task.TeamId, task.Id, command.UserId, clock.UtcNow, cancellationToken);
        return SlashCommandResponse.Ephemeral(TaskMessages.Done(task, words));
    }

    private async Task<SlashCommandResponse> Unblock(SlashCommand command, string id, Wording words, CancellationToken cancellationToken)
    {
        var found = await access.ForChange(command.TeamId, id, command.UserId, words, cancellationToken);
        if (found.Task is not { } task) return SlashCommandResponse.Ephemeral(found.Refusal!);
        return await tasks.Unblock(task.TeamId, task.Id, command.UserId, clock.UtcNow, cancellationToken)
            ? SlashCommandResponse.Ephemeral(TaskMessages.Unblocked(task, words))
            : SlashCommandResponse.Ephemeral(TaskMessages.NotBlocked(task, words));
    }

    private async Task<SlashCommandResponse> OpenModal(SlashCommand command, string id, TaskModalOpener.Build build, CancellationToken cancellationToken) =>
        SlashCommandResponse.EphemeralOrNone(
            await taskModals.Open(command.TeamId, command.UserId, command.TriggerId, id, ModalOrigin.Of(command), build, cancellationToken));
}

/// <summary>Reads what a task list needs (open tasks and their experiments) and renders it.</summary>
public static class TaskListing
{
    public static async Task<Message> Render(TaskStore tasks, ExperimentStore experiments, string teamId, string? ownerId, DateOnly today, string? notice, Wording words,
        CancellationToken cancellationToken)
    {
        var open = await tasks.Open(teamId, ownerId, cancellationToken);
        var linked = open.Any(t => t.ExperimentId is not null)
            ? (await experiments.All(teamId, cancellationToken)).ToDictionary(e => e.Id)
            : new Dictionary<long, Experiment>();
        return TaskMessages.List(open, today, words, ownerId is not null, linked, notice);
    }
}
