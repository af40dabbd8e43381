using GrowthBot.Resources;
using System.Globalization;
using System.Text.RegularExpressions;
using GrowthBot.Common;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Growth;

/// <summary>
/// The settings form: report channel, day, time and time zone, the working days and nudge hour every direct message
/// follows, who rates lead quality (people or a user group), OKR progress inside the report or on its own, nudges on
/// or off. Saving reschedules the jobs at once, no restart.
/// </summary>
public sealed partial class SettingsModal(
    TeamSettingsService teamSettings, GrowthLeads leads, SlackBackgroundWork background, TimeProvider time) : IViewSubmissionHandler
{
    public const string CallbackId = "growth_settings";

    public static class Blocks
    {
        public const string Channel = "channel";
        public const string Day = "day";
        public const string Time = "time";
        public const string Zone = "zone";
        public const string WorkingDays = "working_days";
        public const string NudgeHour = "nudge_hour";
        public const string Sales = "sales";
        public const string SalesGroup = "sales_group";
        public const string OkrProgress = "okr_progress";
        public const string Nudges = "nudges";
    }

    /// <param name="salesGroupLabel">How the saved user group is named (<c>@sales (Sales team)</c>), when there is one.</param>
    public static ModalView Build(TeamSettings settings, ModalOrigin origin, string? salesGroupLabel, DateTimeOffset now)
    {
        var words = Wording.English;
        var (day, at) = (settings.ReportDay ?? DayOfWeek.Monday, settings.ReportTime ?? new TimeOnly(9, 0));
        var week = Enum.GetValues<DayOfWeek>().OrderBy(x => ((int)x + 6) % 7).Select(x => Choice(words.DayName(x), x.ToString())).ToList();
        var hours = MessageHours.NudgeHourChoices.Append(settings.Hours.NudgeHour).Distinct().Order()
            .Select(h => Choice(words.Time(h), h.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList();
        var onOff = new[] { Choice("On: daily DMs of overdue and blocked tasks", "on"), Choice("Off", "off") };
        var okr = new[] { Choice("Own post after the report", "post"), Choice("Inside the report", "report") };
        var blocks = new List<Block>
        {
            Input(Blocks.Channel, "Report channel", new ConversationsSelect
            {
                InitialConversation = settings.ReportChannel.Length > 0 ? settings.ReportChannel : null,
                Filter = new ConversationFilter { Include = ["public", "private"], ExcludeBotUsers = true },
            }, hint: "Invite me there (/invite @GrowthBot) so I can post."),
            Input(Blocks.Day, "Report day", new StaticSelect { Options = week, InitialOption = week.First(o => o.Value == day.ToString()) }),
            Input(Blocks.Time, "Report time", new TimePicker { InitialTime = at.ToString("HH:mm", CultureInfo.InvariantCulture) }),
            Lookup(Blocks.Zone, "Team time zone", TimeZoneOptions.For(settings.Zone, now),
                hint: "Type a city, region or offset (e.g. Helsinki, New York, +13). The report follows it; DMs follow each person's own zone."),
            Input(Blocks.WorkingDays, "Working days", new Checkboxes(week)
            {
                InitialOptions = week.Where(o => settings.Hours.WorkingDays.Contains(Enum.Parse<DayOfWeek>(o.Value))).ToList(),
            }, hint: "Nudges, check-ins and other DMs from me come only on these days, in each person's own time zone."),
            Input(Blocks.NudgeHour, "Nudge hour", new StaticSelect { Options = hours, InitialOption = hours.First(o => o.Value == settings.Hours.NudgeHour.ToString("HH:mm", CultureInfo.InvariantCulture)) },
                hint: "When my DMs start on a working day, in each person's own time zone; none come after 20:00."),
            Input(Blocks.Sales, "Who rates lead quality", new MultiUsersSelect { InitialUsers = settings.LeadQualityUsers.Count > 0 ? settings.LeadQualityUsers : null },
                optional: true, hint: "Mentioned in the report's thread with Good / Mixed / Poor buttons."),
            Lookup(Blocks.SalesGroup, "…or a user group", UserGroupOptions.For(settings.LeadQualityGroup, salesGroupLabel),
                optional: true, hint: "Type part of its name, e.g. sales. The whole group is mentioned."),
            Input(Blocks.OkrProgress, "Key-result progress", new StaticSelect { Options = okr, InitialOption = okr[settings.OkrProgressInReport ? 1 : 0] }),
            Input(Blocks.Nudges, "Task nudges", new StaticSelect { Options = onOff, InitialOption = onOff[settings.NudgesEnabled ? 0 : 1] }),
        };
        return Modal("Growth settings", CallbackId, "Save", blocks, origin, Wording.English);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [Blocks.Channel] = InlineError($"Only {leads.WhoCan(Wording.English)} can change the settings.") });
        var values = new ViewValues(submission.View.State);
        var errors = new Dictionary<string, string>();
        var channel = values.Conversation(Blocks.Channel);
        if (channel is null) errors[Blocks.Channel] = "Please choose the channel the report goes to.";
        if (!Enum.TryParse<DayOfWeek>(values.Selected(Blocks.Day), out var day)) errors[Blocks.Day] = "Please choose a day.";
        var at = values.Time(Blocks.Time);
        if (at is null) errors[Blocks.Time] = "Please pick a time, e.g. 09:00.";
        var zone = values.Selected(Blocks.Zone);
        if (zone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) errors[Blocks.Zone] = "Please choose a time zone.";
        var workingDays = values.Selections(Blocks.WorkingDays).Select(v => Enum.TryParse<DayOfWeek>(v, out var d) ? d : (DayOfWeek?)null).OfType<DayOfWeek>().Distinct().ToList();
        if (workingDays.Count == 0) errors[Blocks.WorkingDays] = "Please choose at least one working day.";
        var nudgeHour = values.Selected(Blocks.NudgeHour) is { } hour && TimeOnly.TryParseExact(hour, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var h) ? h : (TimeOnly?)null;
        if (nudgeHour is not { } chosen || chosen < MessageHours.QuietUntil || chosen >= MessageHours.NudgeUntil)
            errors[Blocks.NudgeHour] = $"Please choose an hour from {Wording.English.Time(MessageHours.QuietUntil)} to {Wording.English.Time(MessageHours.NudgeHourChoices[^1])}.";
        var group = values.Selected(Blocks.SalesGroup)?.ToUpperInvariant();
        if (group is not null && !UserGroupId().IsMatch(group)) errors[Blocks.SalesGroup] = "Please choose a user group from the list.";
        if (errors.Count > 0) return ViewSubmissionResponse.WithErrors(errors);

        var saved = await teamSettings.Save(new SavedTeamSettings
        {
            TeamId = submission.TeamId, ReportChannel = channel, ReportDay = day, ReportTime = at, TimeZone = zone,
            LeadQualityUsers = values.Users(Blocks.Sales), LeadQualityGroup = group,
            OkrProgressInReport = values.Selected(Blocks.OkrProgress) == "report", NudgesEnabled = values.Selected(Blocks.Nudges) != "off",
            WorkingDays = workingDays, NudgeHour = nudgeHour,
            UpdatedBy = submission.UserId, UpdatedAt = time.GetUtcNow(),
        }, cancellationToken);
        // Saving rescheduled the jobs (SchedulerHost listens), so the new day and time apply without a restart.
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var user = submission.UserId;
        background.Run("settings saved", async (services, ct) =>
        {
            var text = Saved(saved, Wording.English);
            await services.GetRequiredService<UserNotifier>().Tell(user, origin, new Message(text, [new SectionBlock(text)]), Wording.English, ct);
        });
        return ViewSubmissionResponse.Close;
    }

    /// <summary>What the growth lead reads after saving: when the report goes where, and when people hear from the bot.</summary>
    public static string Saved(TeamSettings settings, Wording words)
    {
        var when = settings.ReportDay is { } day && settings.ReportTime is { } at ? $"every {words.DayName(day)} at {words.Time(at)}" : "on its schedule";
        return $":white_check_mark: Saved. The weekly report goes to {MrkdwnText.Channel(settings.ReportChannel)} {when} ({settings.Zone.Id}). " +
               $"Make sure I'm in that channel: `/invite @GrowthBot` there. " +
               $"My DMs come {words.Days(settings.Hours.WorkingDays)} from {words.Time(settings.Hours.Opens)} in each person's own time zone; " +
               $"task nudges are {(settings.NudgesEnabled ? "on" : "off")}.";
    }

    [GeneratedRegex("^S[A-Z0-9]{2,}$")]
    private static partial Regex UserGroupId();
}
