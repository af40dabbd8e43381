using System.Text.RegularExpressions;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Growth;

/// <summary>
/// The settings form: report channel, day, time and time zone, who rates lead quality, OKR progress inside
/// the report or on its own, nudges on or off. Saving reschedules the jobs at once, no restart.
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
        public const string Sales = "sales";
        public const string SalesGroup = "sales_group";
        public const string OkrProgress = "okr_progress";
        public const string Nudges = "nudges";
    }

    public static readonly string[] CommonZones =
    [
        "UTC", "Europe/London", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Helsinki",
        "Europe/Istanbul", "Europe/Moscow", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
        "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney",
    ];

    public static ModalView Build(TeamSettings settings, ModalOrigin origin)
    {
        var (day, at) = (settings.ReportDay ?? DayOfWeek.Monday, settings.ReportTime ?? new TimeOnly(9, 0));
        var zones = CommonZones.Contains(settings.Zone.Id) ? CommonZones : [settings.Zone.Id, .. CommonZones];
        var days = Enum.GetValues<DayOfWeek>().OrderBy(x => ((int)x + 6) % 7).Select(x => Choice(x.ToString(), x.ToString())).ToList();
        var onOff = new[] { Choice("On: daily DMs of overdue and blocked tasks", "on"), Choice("Off", "off") };
        var okr = new[] { Choice("Own post after the report", "post"), Choice("Inside the report", "report") };
        var blocks = new List<Block>
        {
            Input(Blocks.Channel, "Report channel", new ConversationsSelect
            {
                InitialConversation = settings.ReportChannel.Length > 0 ? settings.ReportChannel : null,
                Filter = new ConversationFilter { Include = ["public", "private"], ExcludeBotUsers = true },
            }, hint: "Invite me there (/invite @GrowthBot) so I can post."),
            Input(Blocks.Day, "Report day", new StaticSelect { Options = days, InitialOption = days.First(o => o.Value == day.ToString()) }),
            Input(Blocks.Time, "Report time", new TimePicker { InitialTime = at.ToString("HH:mm") }),
            Input(Blocks.Zone, "Team time zone", new StaticSelect { Options = zones.Select(z => Choice(z, z)).ToList(), InitialOption = Choice(settings.Zone.Id, settings.Zone.Id) }),
            Input(Blocks.Sales, "Who rates lead quality", new MultiUsersSelect { InitialUsers = settings.LeadQualityUsers.Count > 0 ? settings.LeadQualityUsers : null },
                optional: true, hint: "Mentioned in the report's thread with Good / Mixed / Poor buttons."),
            Text(Blocks.SalesGroup, "…or a user group id", 20, settings.LeadQualityGroup, "S0123ABCD", optional: true, hint: "The id of a group like @sales (it starts with S)."),
            Input(Blocks.OkrProgress, "Key-result progress", new StaticSelect { Options = okr, InitialOption = okr[settings.OkrProgressInReport ? 1 : 0] }),
            Input(Blocks.Nudges, "Task nudges", new StaticSelect { Options = onOff, InitialOption = onOff[settings.NudgesEnabled ? 0 : 1] }),
        };
        return Modal("Growth settings", CallbackId, "Save", blocks, origin);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [Blocks.Channel] = InlineError($"Only {leads.WhoCan()} can change the settings.") });
        var values = new ViewValues(submission.View.State);
        var errors = new Dictionary<string, string>();
        var channel = values.Conversation(Blocks.Channel);
        if (channel is null) errors[Blocks.Channel] = "Please choose the channel the report goes to.";
        if (!Enum.TryParse<DayOfWeek>(values.Selected(Blocks.Day), out var day)) errors[Blocks.Day] = "Please choose a day.";
        var at = values.Time(Blocks.Time);
        if (at is null) errors[Blocks.Time] = "Please pick a time, e.g. 09:00.";
        var zone = values.Selected(Blocks.Zone);
        if (zone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) errors[Blocks.Zone] = "Please choose a time zone.";
        var group = values.Text(Blocks.SalesGroup)?.ToUpperInvariant();
        if (group is not null && !UserGroupId().IsMatch(group)) errors[Blocks.SalesGroup] = "A user group id starts with S, e.g. S0123ABCD (in Slack: the group's profile → ⋯ → Copy group ID).";
        if (errors.Count > 0) return ViewSubmissionResponse.WithErrors(errors);

        var settings = new SavedTeamSettings
        {
            TeamId = submission.TeamId, ReportChannel = channel, ReportDay = day, ReportTime = at, TimeZone = zone,
            LeadQualityUsers = values.Users(Blocks.Sales), LeadQualityGroup = group,
            OkrProgressInReport = values.Selected(Blocks.OkrProgress) == "report", NudgesEnabled = values.Selected(Blocks.Nudges) != "off",
            UpdatedBy = submission.UserId, UpdatedAt = time.GetUtcNow(),
        };
        // Saving reschedules the jobs (SchedulerHost listens), so the new day and time apply without a restart.
        await teamSettings.Save(settings, cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var user = submission.UserId;
        background.Run("settings saved", async (services, ct) =>
        {
            var text = $":white_check_mark: Saved. The weekly report goes to {MrkdwnText.Channel(channel!)} every {day} at {at:HH\\:mm} ({zone}). " +
                       $"Make sure I'm in that channel: `/invite @GrowthBot` there. Nudges are {(settings.NudgesEnabled ? "on" : "off")}.";
            await services.GetRequiredService<UserNotifier>().Tell(user, origin, new Message(text, [new SectionBlock(text)]), ct);
        });
        return ViewSubmissionResponse.Close;
    }

    [GeneratedRegex("^S[A-Z0-9]{2,}$")]
    private static partial Regex UserGroupId();
}
