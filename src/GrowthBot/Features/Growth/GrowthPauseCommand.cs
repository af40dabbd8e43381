using GrowthBot.Resources;
using System.Globalization;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth pause 2026-12-24</c>: no nudges or check-in DMs for the caller until then; <c>/growth resume</c> (or no date) ends it.</summary>
public sealed class GrowthPauseCommand(NudgePauseStore pauses, TeamClock clock, Readers readers)
{
    public const int MaxDays = 366;

    /// <summary>How far ahead the example pause in hints reaches: two weeks, a typical holiday.</summary>
    public const int ExampleDays = 14;

    /// <summary>An example command for hints, with a date that is always ahead: <c>/growth pause 2026-12-02</c>.</summary>
    public static string Example(DateOnly today) => $"/growth pause {Modals.Iso(today.AddDays(ExampleDays))}";

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CommandLine line, CancellationToken cancellationToken)
    {
        var argument = line.FirstArgument;
        var today = clock.Today(command.TeamId);
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        if (line.Subcommand == "resume" || argument.Length == 0 || argument.Equals("resume", StringComparison.OrdinalIgnoreCase) || argument.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            var had = await pauses.Resume(command.TeamId, command.UserId, cancellationToken);
            return SlashCommandResponse.Ephemeral(had
                ? words.Text(ReminderText.PauseResumed)
                : words.Text(ReminderText.PauseNone, ("example", Example(today))));
        }
        if (!DateOnly.TryParseExact(argument, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            return SlashCommandResponse.Ephemeral(words.Text(ReminderText.PauseNotADate, ("typed", MrkdwnText.Escape(MrkdwnText.Truncate(argument, 40))), ("example", Example(today))));
        if (until <= today) return SlashCommandResponse.Ephemeral(words.Text(ReminderText.PausePassed));
        if (until > today.AddDays(MaxDays)) return SlashCommandResponse.Ephemeral(words.Text(ReminderText.PauseTooLong, ("date", words.Date(today.AddDays(MaxDays), today))));
        await pauses.Pause(command.TeamId, command.UserId, until, clock.UtcNow, cancellationToken);
        return SlashCommandResponse.Ephemeral(words.Text(ReminderText.Paused, ("date", words.Date(until, today))));
    }
}
