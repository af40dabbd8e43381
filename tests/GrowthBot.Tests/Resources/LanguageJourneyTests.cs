using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Settings;
using GrowthBot.Features.Tasks;
using GrowthBot.Tests.Fixtures;
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
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    /// <summary>What a person reads of a text: without code spans (slash commands), mentions, dates, links and emoji names.</summary>
    private static string Readable(string text) => NotRead().Replace(text, " ");

    private static IReadOnlyList<string> English(string text) =>
        Word().Matches(Readable(text)).Select(m => m.Value).Where(EnglishWords.Contains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    [GeneratedRegex(@"`[^`]*`|<[^>]*>|:[a-z0-9_+\-]+:|https?://\S+")]
    private static partial Regex NotRead();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    /// <summary>
    /// The lines of issues 14 and 15 that are not translated yet, taken out before looking for English: the experiment's budget,
    /// spend and results fields, and the App Home's pipeline and success/fail boards. Everything else must be in the team's language.
    /// </summary>
    private static string WithoutStillEnglish(string text) => string.Join("\n", text.Split('\n').Where(line => !StillEnglish().IsMatch(line)));

    [GeneratedRegex(@"^\s*(Budget$|What you plan to spend|One result is a|What you count, in the singular|Spent in all|The total it cost|Results \(number of|How many it brought|:moneybag: Pipeline velocity|No pipeline numbers yet|Check in the pipeline|:trophy: |:mortar_board: |_No failed attempts|Failed attempts are learnings too|_Nothing (worked|concluded)|:moneybag: )")]
    private static partial Regex StillEnglish();

    private static string Text(SlackReply reply) => reply.Raw.Length == 0 ? "" : Shown(JsonNode.Parse(reply.Raw));

    /// <summary>What a person sees of a payload: its texts, not the values buttons and options send back.</summary>
    private static string Shown(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Key == "text" && p.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? v.GetValue<string>()
            : Shown(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Shown)),
        _ => "",
    };

    private static async Task SaveSettings(GrowthBotApp app, string language)
    {
        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead)
            .Conversation(SettingsModal.Blocks.Channel, GrowthBotApp.GrowthChannel).Select(SettingsModal.Blocks.Language, language));
        Assert.True(reply.IsEmptyAck || reply.ResponseAction == "clear", reply.Raw);
        await app.Idle();
        // What follows is what the team reads once its language is set.
        app.Slack.Clear();
    }

    /// <summary>
    /// A team whose language is <paramref name="language"/> (and whose Slack clients all say en-US, as Slack's default does)
    /// logs an idea, starts it, plans a task, sets an objective, checks in, concludes the experiment and opens the App Home:
    /// every reply, modal, DM and view it meets is in its language, with no English left beyond commands, ids and names.
    /// </summary>
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("ru")]
    [InlineData("tr")]
    public async Task A_team_that_works_in_its_own_language_meets_no_English_from_idea_to_conclusion(string language)
    {
        await using var app = await GrowthBotApp.Start();
        await SaveSettings(app, language);
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
            .Radio(C.Outcome, "Worked").Radio(C.Decision, "Scale"));
        await app.Idle();
        await Command("/experiment show E1");
        await Command("/experiment fly");
        await app.Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = GrowthBotApp.Alice, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1763460000.000300" });
        await app.Idle();

        // The weekly report and its thread are not part of this journey (see the README's "Languages").
        var read = app.Slack.Calls.Select(c => Shown(c.Args)).Concat(replies).Where(t => t.Trim().Length > 0).ToList();
        Assert.Contains(read, t => t.Contains("ICE", StringComparison.Ordinal));
        Assert.NotEmpty(app.Slack.CallsTo("views.publish"));
        var english = read.Select(t => (Text: t, Words: English(WithoutStillEnglish(t)))).Where(x => x.Words.Count > 0).ToList();
        Assert.True(english.Count == 0, string.Join("\n\n", english.Select(x => $"[{string.Join(", ", x.Words)}] {x.Text}")));
    }

    [Fact]
    public async Task A_Russian_in_an_English_team_reads_Russian_modals_and_replies_while_the_channel_report_stays_English()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.SetLocale(GrowthBotApp.Alice, "ru-RU");
        await SaveSettings(app, "en");

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

        await app.Command("/growth report now", user: GrowthBotApp.Lead);
        await app.Idle();
        var posts = app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == GrowthBotApp.GrowthChannel).ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.DoesNotMatch(Cyrillic(), p.AllText));
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
