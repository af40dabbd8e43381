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

namespace GrowthBot.Features.Settings;

/// <summary>
/// The settings form: report channel, day, time and time zone, the working days and nudge hour every direct message
/// follows, who rates lead quality (people or a user group), OKR progress inside the report or on its own, nudges on
/// or off. Saving reschedules the jobs at once, no restart.
/// </summary>
public sealed partial class SettingsModal(
    TeamSettingsService teamSettings, GrowthLeads leads, UserGroupDirectory groups, ModalOpener opener, SlackBackgroundWork background, TimeProvider time,
    Readers readers)
    : IViewSubmissionHandler
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
        public const string Language = "language";
        public const string Currency = "currency";
    }

    /// <summary>
    /// Opens the form for a growth lead (<c>/growth settings</c>, the report thread's "Choose who rates leads"); null
    /// when it opened, otherwise what to tell the person.
    /// </summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        if (!await leads.IsLead(userId, cancellationToken)) return words.Text(SettingsText.OnlyLeads, ("whoCan", leads.WhoCan(words)));
        var current = teamSettings.For(teamId);
        string? label = null;
        if (current.LeadQualityGroup is { } group)
        {
            // A slow usergroups.list must not eat the 3 s (wall clock) the trigger lasts: then the form shows the group's id.
            try
            {
                label = await groups.Label(group, cancellationToken).WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (TimeoutException)
            {
                label = group;
            }
        }
        return await opener.Open(triggerId, Build(current, origin, label, time.GetUtcNow(), words), words, cancellationToken);
    }

    /// <param name="salesGroupLabel">How the saved user group is named (<c>@sales (Sales team)</c>), when there is one.</param>
    public static ModalView Build(TeamSettings settings, ModalOrigin origin, string? salesGroupLabel, DateTimeOffset now, Wording words)
    {
        // Each language by its own name, so a person finds theirs whatever the form is written in.
        var languages = Resources.Language.All.Select(l => Choice(l.Name, l.Code)).ToList();
        var (day, at) = (settings.ReportDay ?? DayOfWeek.Monday, settings.ReportTime ?? new TimeOnly(9, 0));
        var week = Enum.GetValues<DayOfWeek>().OrderBy(x => ((int)x + 6) % 7).Select(x => Choice(words.DayName(x), x.ToString())).ToList();
        var hours = MessageHours.NudgeHourChoices.Append(settings.Hours.NudgeHour).Distinct().Order()
            .Select(h => Choice(words.Time(h), h.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList();
        var onOff = new[] { Choice(words.Text(SettingsText.NudgesOn), "on"), Choice(words.Text(SettingsText.NudgesOff), "off") };
        var okr = new[] { Choice(words.Text(SettingsText.OkrOwnPost), "post"), Choice(words.Text(SettingsText.OkrInReport), "report") };
        var currencies = Domain.Money.Currency.Choices.Select(c => Choice($"{c.Code} ({c.Symbol})", c.Code)).ToList();
        var blocks = new List<Block>
        {
            Input(Blocks.Channel, words.Text(SettingsText.ChannelField), new ConversationsSelect
            {
                InitialConversation = settings.ReportChannel.Length > 0 ? settings.ReportChannel : null,
                Filter = new ConversationFilter { Include = ["public", "private"], ExcludeBotUsers = true },
            }, hint: words.Text(SettingsText.ChannelHint)),
            Input(Blocks.Day, words.Text(SettingsText.DayField), new StaticSelect { Options = week, InitialOption = week.First(o => o.Value == day.ToString()) }),
            Input(Blocks.Time, words.Text(SettingsText.TimeField), new TimePicker { InitialTime = at.ToString("HH:mm", CultureInfo.InvariantCulture) }),
            Lookup(Blocks.Zone, words.Text(SettingsText.ZoneField), TimeZoneOptions.For(settings.Zone, now, words.Text(SettingsText.ZonePlaceholder)),
                hint: words.Text(SettingsText.ZoneHint)),
            Input(Blocks.Language, words.Text(SettingsText.LanguageField), new StaticSelect { Options = languages, InitialOption = languages.First(o => o.Value == settings.Language.Code) },
                hint: words.Text(SettingsText.LanguageHint)),
            Input(Blocks.WorkingDays, words.Text(SettingsText.WorkingDaysField), new Checkboxes(week)
            {
                InitialOptions = week.Where(o => settings.Hours.WorkingDays.Contains(Enum.Parse<DayOfWeek>(o.Value))).ToList(),
            }, hint: words.Text(SettingsText.WorkingDaysHint)),
            Input(Blocks.NudgeHour, words.Text(SettingsText.NudgeHourField), new StaticSelect { Options = hours, InitialOption = hours.First(o => o.Value == settings.Hours.NudgeHour.ToString("HH:mm", CultureInfo.InvariantCulture)) },
                hint: words.Text(SettingsText.NudgeHourHint)),
            Input(Blocks.Sales, words.Text(SettingsText.SalesField), new MultiUsersSelect { InitialUsers = settings.LeadQualityUsers.Count > 0 ? settings.LeadQualityUsers : null },
                optional: true, hint: words.Text(SettingsText.SalesHint)),
            Lookup(Blocks.SalesGroup, words.Text(SettingsText.SalesGroupField), UserGroupOptions.For(settings.LeadQualityGroup, salesGroupLabel, words.Text(SettingsText.GroupPlaceholder)),
                optional: true, hint: words.Text(SettingsText.SalesGroupHint)),
            Input(Blocks.OkrProgress, words.Text(SettingsText.OkrProgressField), new StaticSelect { Options = okr, InitialOption = okr[settings.OkrProgressInReport ? 1 : 0] }),
            Input(Blocks.Nudges, words.Text(SettingsText.NudgesField), new StaticSelect { Options = onOff, InitialOption = onOff[settings.NudgesEnabled ? 0 : 1] }),
            Input(Blocks.Currency, words.Text(MoneyText.CurrencyField), new StaticSelect { Options = currencies, InitialOption = currencies.First(o => o.Value == settings.Currency.Code) },
                hint: words.Text(MoneyText.CurrencyHint)),
        };
        return Modal(words.Text(SettingsText.Title), CallbackId, words.Text(CommonText.Save), blocks, origin, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [Blocks.Channel] = InlineError(words.Text(SettingsText.OnlyLeads, ("whoCan", leads.WhoCan(words)))) });
        var values = new ViewValues(submission.View.State);
        var errors = new Dictionary<string, string>();
        var channel = values.Conversation(Blocks.Channel);
        if (channel is null) errors[Blocks.Channel] = words.Text(SettingsText.ChannelMissing);
        if (!Enum.TryParse<DayOfWeek>(values.Selected(Blocks.Day), out var day)) errors[Blocks.Day] = words.Text(SettingsText.DayMissing);
        var at = values.Time(Blocks.Time);
        if (at is null) errors[Blocks.Time] = words.Text(SettingsText.TimeMissing);
        var zone = values.Selected(Blocks.Zone);
        if (zone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) errors[Blocks.Zone] = words.Text(SettingsText.ZoneMissing);
        var workingDays = values.Selections(Blocks.WorkingDays).Select(v => Enum.TryParse<DayOfWeek>(v, out var d) ? d : (DayOfWeek?)null).OfType<DayOfWeek>().Distinct().ToList();
        if (workingDays.Count == 0) errors[Blocks.WorkingDays] = words.Text(SettingsText.WorkingDaysMissing);
        var nudgeHour = values.Selected(Blocks.NudgeHour) is { } hour && TimeOnly.TryParseExact(hour, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var h) ? h : (TimeOnly?)null;
        if (nudgeHour is not { } chosen || chosen < MessageHours.QuietUntil || chosen >= MessageHours.NudgeUntil)
            errors[Blocks.NudgeHour] = words.Text(SettingsText.NudgeHourOutOfRange, ("from", words.Time(MessageHours.QuietUntil)), ("to", words.Time(MessageHours.NudgeHourChoices[^1])));
        var group = values.Selected(Blocks.SalesGroup)?.ToUpperInvariant();
        if (group is not null && !UserGroupId().IsMatch(group)) errors[Blocks.SalesGroup] = words.Text(SettingsText.GroupInvalid);
        var currency = values.Selected(Blocks.Currency);
        if (currency is not null && Domain.Money.Currency.Choices.All(c => c.Code != currency)) errors[Blocks.Currency] = words.Text(MoneyText.CurrencyMissing);
        if (errors.Count > 0) return ViewSubmissionResponse.WithErrors(errors);

        var saved = await teamSettings.Save(new SavedTeamSettings
        {
            TeamId = submission.TeamId, ReportChannel = channel, ReportDay = day, ReportTime = at, TimeZone = zone,
            LeadQualityUsers = values.Users(Blocks.Sales), LeadQualityGroup = group,
            OkrProgressInReport = values.Selected(Blocks.OkrProgress) == "report", NudgesEnabled = values.Selected(Blocks.Nudges) != "off",
            WorkingDays = workingDays, NudgeHour = nudgeHour,
            // An old form without the field keeps the team's language.
            Language = Resources.Language.Find(values.Selected(Blocks.Language))?.Code ?? teamSettings.For(submission.TeamId).Language.Code,
            Currency = currency ?? teamSettings.For(submission.TeamId).Currency.Code,
            UpdatedBy = submission.UserId, UpdatedAt = time.GetUtcNow(),
        }, cancellationToken);
        // Saving rescheduled the jobs (SchedulerHost listens), so the new day and time apply without a restart.
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var user = submission.UserId;
        background.Run("settings saved", async (services, ct) =>
        {
            var text = Saved(saved, words);
            await services.GetRequiredService<UserNotifier>().Tell(user, origin, new Message(text, [new SectionBlock(text)]), words, ct);
        });
        return ViewSubmissionResponse.Close;
    }

    /// <summary>What the growth lead reads after saving: when the report goes where, and when people hear from the bot.</summary>
    public static string Saved(TeamSettings settings, Wording words)
    {
        var when = settings.ReportDay is { } day && settings.ReportTime is { } at
            ? words.Text(SettingsText.SavedWhen, ("day", words.DayName(day)), ("time", words.Time(at)))
            : words.Text(SettingsText.SavedWhenUnknown);
        return words.Text(SettingsText.Saved, ("channel", MrkdwnText.Channel(settings.ReportChannel)), ("when", when), ("zone", settings.Zone.Id),
            ("days", words.Days(settings.Hours.WorkingDays)), ("opens", words.Time(settings.Hours.Opens)),
            ("nudges", words.Text(settings.NudgesEnabled ? SettingsText.NudgesOnWord : SettingsText.NudgesOffWord)), ("language", settings.Language.Name)) +
            " " + words.Text(SettingsText.SavedCurrency, ("code", settings.Currency.Code), ("symbol", settings.Currency.Symbol));
    }

    [GeneratedRegex("^S[A-Z0-9]{2,}$")]
    private static partial Regex UserGroupId();
}
