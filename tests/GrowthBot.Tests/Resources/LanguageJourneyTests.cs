using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Settings;
using GrowthBot.Features.Tasks;
using GrowthBot.Resources;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;
using C = GrowthBot.Features.Experiments.ConcludeExperimentModal.Blocks;

namespace GrowthBot.Tests.Resources;

/// <summary>Who reads which language, through the real app: the team's for channel posts, the person's own for the rest.</summary>
public partial class LanguageJourneyTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(GrowthBotApp.DefaultNow.UtcDateTime);

    /// <summary>English words that no Finnish, Swedish, Russian or Turkish sentence of ours contains as a whole word.</summary>
    private static readonly HashSet<string> EnglishWords = new(
        """
        the and your you with from this that have has was will please sorry there which what when who into been can't don't isn't
        doesn't won't saved running backlog task tasks owner due blocked overdue learning learnings decision outcome nothing yet more
        only every weekly report settings save cancel close edit conclude concluded abandoned worked scale iterate stop hypothesis
        metric stage funnel target baseline progress check week days new of for is are it or be as
        spent results result quarter behind pace goal main here's happened nobody choose people quality velocity opportunities
        average cycle profile customer customers inconclusive targets weeks higher lower better added counts measured pictures
        definitions starts ends default short reached unit buyers industries titles done lists shows spend deal won open
        failed attempts recorded learned brought cost
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    /// <summary>What a person reads of a text: without code spans (slash commands), mentions, dates, links and emoji names.</summary>
    private static string Readable(string text) => NotRead().Replace(text, " ");

    /// <summary>The English words in what a person reads; commands typed in plain text ("/kpi edit K1" in an inline error) are not prose.</summary>
    private static IReadOnlyList<string> English(string text) =>
        Word().Matches(SlashCommand().Replace(Readable(text), " ")).Select(m => m.Value).Where(EnglishWords.Contains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    [GeneratedRegex(@"`[^`]*`|<[^>]*>|:[a-z0-9_+\-]+:|https?://\S+")]
    private static partial Regex NotRead();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    private static string Text(SlackReply reply) => reply.Raw.Length == 0 ? "" : Shown(JsonNode.Parse(reply.Raw));

    /// <summary>What a person sees of a payload: its texts and a picture's alt text, not the values buttons and options send back.</summary>
    private static string Shown(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Key is "text" or "alt_text" && p.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? v.GetValue<string>()
            : Shown(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Shown)),
        _ => "",
    };

    private static async Task SaveSettings(GrowthBotApp app, string language, params string[] sales)
    {
        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        var form = ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead)
            .Conversation(SettingsModal.Blocks.Channel, GrowthBotApp.GrowthChannel).Select(SettingsModal.Blocks.Language, language);
        var reply = await app.Submit(sales.Length > 0 ? form.PickUsers(SettingsModal.Blocks.Sales, sales) : form);
        Assert.True(reply.IsEmptyAck || reply.ResponseAction == "clear", reply.Raw);
        await app.Idle();
        // What follows is what the team reads once its language is set.
        app.Slack.Clear();
    }

    /// <summary>
    /// A team whose language is <paramref name="language"/> (and whose Slack clients all say en-US, as Slack's default does)
    /// logs an idea, starts it, plans a task, sets an objective, checks in, concludes the experiment, opens the App Home,
    /// previews and posts the weekly report, and its sales person rates the leads in the report's thread (and someone not
    /// asked clicks too): every reply, modal, DM, view, report, thread reply, chart and ephemeral answer it meets is in its
    /// language, with no English left beyond commands, ids and names.
    /// </summary>
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("ru")]
    [InlineData("tr")]
    public async Task A_team_that_works_in_its_own_language_meets_no_English_from_idea_to_the_weekly_report(string language)
    {
        await using var app = await GrowthBotApp.Start();
        await SaveSettings(app, language, Sales);
        var replies = new List<string>();
        async Task Command(string line, string user = GrowthBotApp.Alice) => replies.Add(Text(await app.Command(line, user: user)));

        await Command("/growth help");
        await Command("/experiment new");
        var newForm = app.Slack.Last("views.open");
        await app.Submit(ViewSubmission.Of(newForm).Text(B.Name, "Zeta 7").Text(B.Hypothesis, "Zeta 7 → 42 %").Select(B.Stage, "Acquisition")
            .Text(B.Metric, "Zeta").Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7"));
        await app.Idle();
        await Command("/experiment list");
        await Command("/experiment start E1");
        await Command("/task new E1");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open")).Text(NewTaskModal.Blocks.Title, "Zeta 8").PickUser(NewTaskModal.Blocks.Owner, GrowthBotApp.Alice)
            .Date(NewTaskModal.Blocks.Due, Today.AddDays(2)));
        await app.Idle();
        await Command("/task list");
        await Command("/okr");
        await Command("/okr set", GrowthBotApp.Lead);
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead).Text("objective", "Zeta 9").Text("period", "Q4")
            .Text("kr1_name", "Zeta 10").Text("kr1_baseline", "0").Text("kr1_target", "100,5").Text("kr1_unit", "Zeta").PickUser("kr1_owner", GrowthBotApp.Alice));
        await app.Idle();
        await Command("/okr");
        await Command("/okr update KR1");
        await Command("/experiment conclude E1");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open")).Text(C.Result, "42").Text(C.Learning, "Zeta 11")
            .Radio(C.Outcome, "Worked").Radio(C.Decision, "Scale").Checked(C.BringsLeads, ViewValues.Ticked));
        await app.Idle();
        await Command("/experiment show E1");
        await Command("/experiment fly");
        await app.Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = GrowthBotApp.Alice, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1763460000.000300" });
        await app.Idle();

        // The weekly report: previewed, posted with its thread (details, charts, the question to sales), rated by the sales
        // person and clicked by someone not asked, replied to, and shown in the next report.
        app.Time.Advance(TimeSpan.FromHours(1));
        await Command("/growth report", GrowthBotApp.Lead);
        var postedBefore = app.Slack.CallsTo("chat.postMessage").Count;
        await Command("/growth report now", GrowthBotApp.Lead);
        await Command("/growth report now", GrowthBotApp.Bob);
        await Command("/growth report later", GrowthBotApp.Lead);
        await app.Idle();
        var report = app.Slack.CallsTo("chat.postMessage").Skip(postedBefore).First(c => c.Str("channel") == GrowthBotApp.GrowthChannel && c.Str("thread_ts") is null);
        var thread = app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("thread_ts") == report.Response!["ts"]!.GetValue<string>()).ToList();
        var ask = thread.Single(c => c.Args.ToJsonString().Contains("lead_quality:E1:Good", StringComparison.Ordinal)).AsPosted();
        var words = Wording.For(Language.Find(language)!);
        Assert.Contains(thread, c => c.AllText.Contains("Zeta 11.", StringComparison.Ordinal)); // the details of E1
        Assert.NotEmpty(app.Slack.CallsTo("files.completeUploadExternal"));
        replies.Add(Text(await app.Click(ask, "lead_quality:E1:Good", user: Sales)));
        // The sales person, whose Slack says en-US, is thanked in the team's language, naming the rating as the button does.
        Assert.Contains($"*{words.Label(LeadQuality.Good)}*", (await app.Slack.WaitFor("response_url", c => c.AllText.Contains(words.Label(LeadQuality.Good), StringComparison.Ordinal))).AllText);
        replies.Add(Text(await app.Click(ask, "lead_quality_reason:E1", user: Sales, selectedValue: "TooSmall")));
        replies.Add(Text(await app.Click(ask, "lead_quality:E1:Poor", user: GrowthBotApp.Bob)));
        await app.Event(new JsonObject
        {
            ["type"] = "message", ["user"] = Sales, ["text"] = "Zeta 12", ["channel"] = GrowthBotApp.GrowthChannel, ["ts"] = "1763470000.000100",
            ["thread_ts"] = report.Response!["ts"]!.GetValue<string>(),
        });
        await app.Idle();
        Assert.Contains(app.Slack.CallsTo("chat.update"), u => u.Str("ts") == ask["ts"]!.GetValue<string>());
        app.Time.Advance(TimeSpan.FromDays(1));
        await Command("/growth report now", GrowthBotApp.Lead);
        await app.Idle();
        // The next report shows what the sales person said.
        Assert.Contains(app.Slack.CallsTo("chat.postMessage"), c => c.Str("thread_ts") is null && c.AllText.Contains("Zeta 12", StringComparison.Ordinal));

        var read = app.Slack.Calls.Select(c => Shown(c.Args)).Concat(replies).Where(t => t.Trim().Length > 0).ToList();
        Assert.Contains(read, t => t.Contains("ICE", StringComparison.Ordinal));
        Assert.NotEmpty(app.Slack.CallsTo("views.publish"));
        var english = read.Select(t => (Text: t, Words: English(t))).Where(x => x.Words.Count > 0).ToList();
        Assert.True(english.Count == 0, string.Join("\n\n", english.Select(x => $"[{string.Join(", ", x.Words)}] {x.Text}")));
    }

    /// <summary>
    /// With nobody set to rate leads, the thread asks the growth leads to choose someone, in the team's language, with the
    /// button that opens the settings.
    /// </summary>
    [Theory]
    [InlineData("fi")]
    [InlineData("tr")]
    public async Task With_nobody_to_rate_leads_the_thread_asks_the_leads_in_the_teams_language(string language)
    {
        await using var app = await GrowthBotApp.Start();
        await SaveSettings(app, language);
        await Seed.Concluded(app, "Zeta 5", Outcome.Worked, "42", at: GrowthBotApp.DefaultNow.AddDays(-1), bringsLeads: true);

        await app.Command("/growth report now", user: GrowthBotApp.Lead);
        await app.Idle();

        var ask = app.Slack.CallsTo("chat.postMessage").Single(c => c.Str("thread_ts") is not null && c.Args.ToJsonString().Contains("open_settings", StringComparison.Ordinal));
        Assert.Contains($"<@{GrowthBotApp.Lead}>", ask.AllText);
        Assert.Contains(Wording.For(Language.Find(language)!).Text(ReportText.ChooseRatersButton), ask.AllText);
        // What the seeded experiment's people typed is English; the rest is the bot's.
        var posts = app.Slack.CallsTo("chat.postMessage").Select(c => Shown(c.Args).Replace("CMOs of 100-person companies answer InMail.", "").Replace("CMOs answer InMail", "")).ToList();
        var english = posts.Select(t => (Text: t, Words: English(t))).Where(x => x.Words.Count > 0).ToList();
        Assert.True(english.Count == 0, string.Join("\n\n", english.Select(x => $"[{string.Join(", ", x.Words)}] {x.Text}")));
    }

    [Fact]
    public async Task A_Russian_in_an_English_team_reads_Russian_modals_and_replies_while_the_channel_report_stays_English()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.SetLocale(GrowthBotApp.Alice, "ru-RU");
        await SaveSettings(app, "en", GrowthBotApp.Alice);
        await Seed.Concluded(app, "Zeta 5", Outcome.Worked, "42", at: GrowthBotApp.DefaultNow.AddDays(-1), bringsLeads: true);

        await app.Command("/experiment new");
        var form = app.Slack.Last("views.open").View!;
        Assert.Equal("Новый эксперимент", form["title"]!["text"]!.GetValue<string>());
        await app.Submit(ViewSubmission.Of(form).Text(B.Name, "Zeta 7").Text(B.Hypothesis, "Zeta 7 → 42 %").Select(B.Stage, "Acquisition")
            .Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7"));
        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("добавлен в бэклог", confirmation.AllText);
        Assert.Empty(English(confirmation.AllText));

        var bobsList = await app.Command("/experiment list", user: GrowthBotApp.Bob);
        Assert.Contains("Experiments", Text(bobsList));
        Assert.DoesNotMatch(Cyrillic(), Text(bobsList));

        var posted = await app.Command("/growth report now", user: GrowthBotApp.Lead);
        Assert.Contains("Posted the report", Text(posted));
        await app.Idle();
        var posts = app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == GrowthBotApp.GrowthChannel).ToList();
        Assert.Contains(posts, p => p.AllText.Contains("Here's what happened", StringComparison.Ordinal));
        var ask = posts.Single(c => c.Args.ToJsonString().Contains("lead_quality:E1:Good", StringComparison.Ordinal));
        Assert.Contains("could you quickly check the quality of the leads", ask.AllText);
        Assert.All(posts, p => Assert.DoesNotMatch(Cyrillic(), p.AllText));

        // Alice rates the leads in the English thread: the answer only she sees is Russian, the thread's counts stay English.
        await app.Click(ask.AsPosted(), "lead_quality:E1:Good", user: GrowthBotApp.Alice);
        var noted = await app.Slack.WaitFor("response_url", c => c.AllText.Contains("Хорошие", StringComparison.Ordinal));
        Assert.Contains("Спасибо!", noted.AllText);
        await app.Idle();
        var update = app.Slack.Last("chat.update");
        Assert.Contains("Good 1", update.AllText);
        Assert.DoesNotMatch(Cyrillic(), update.AllText);
    }

    [Fact]
    public async Task A_person_who_chooses_a_language_reads_it_whatever_their_Slack_says_and_can_go_back_to_the_team_language()
    {
        await using var app = await GrowthBotApp.Start();

        var chosen = await app.Command("/growth language sv");
        Assert.Contains("svenska", Text(chosen), StringComparison.OrdinalIgnoreCase);
        await app.Command("/experiment new");
        Assert.Equal("Nytt experiment", app.Slack.Last("views.open").View!["title"]!["text"]!.GetValue<string>());

        await app.Command("/growth language team");
        await app.Command("/experiment new");
        Assert.Equal("New experiment", app.Slack.Last("views.open").View!["title"]!["text"]!.GetValue<string>());
    }
}
