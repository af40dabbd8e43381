using Dapper;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Experiments;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Features.Experiments;

public class ExperimentLifecycleJourneyTests
{
    [Fact]
    public async Task Experiment_start_runs_the_idea_from_today_for_a_week_and_says_until_when()
    {
        await using var app = await GrowthBotApp.Start();
        var idea = await app.Idea(start: new DateOnly(2026, 11, 1), end: new DateOnly(2026, 11, 8));

        var reply = await app.Command("/experiment start E1");

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("E1 · LinkedIn InMail to CMOs* is running", reply.Text);
        Assert.Contains("(7 days)", reply.Text);
        var stored = await app.Reload(idea);
        Assert.Equal((ExperimentStatus.Running, new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 25)), (stored.Status, stored.StartDate, stored.EndDate));
        Assert.Equal(GrowthBotApp.DefaultNow, stored.StartedAt);
    }

    [Fact]
    public async Task Experiment_start_keeps_a_longer_planned_run_and_uses_the_team_time_zone_for_today()
    {
        // 10:00 UTC on the 18th is already midnight of the 19th in Kiritimati (UTC+14).
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:TimeZone"] = "Pacific/Kiritimati" });
        var idea = await app.Idea(start: new DateOnly(2026, 11, 1), end: new DateOnly(2026, 11, 15));

        await app.Command("/experiment start E1");

        var stored = await app.Reload(idea);
        Assert.Equal((new DateOnly(2026, 11, 19), new DateOnly(2026, 12, 3)), (stored.StartDate, stored.EndDate));
    }

    [Theory]
    [InlineData("/experiment start", "Which experiment?")]
    [InlineData("/experiment start banana", "`banana` is not an experiment id")]
    [InlineData("/experiment start E9", "There is no experiment E9")]
    [InlineData("/experiment abandon E9", "There is no experiment E9")]
    [InlineData("/experiment conclude E9", "There is no experiment E9")]
    [InlineData("/experiment edit x", "`x` is not an experiment id")]
    [InlineData("/experiment show", "Which experiment?")]
    public async Task Missing_malformed_or_unknown_ids_get_a_clear_answer(string command, string answer)
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command(command);

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains(answer, reply.Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }

    [Fact]
    public async Task Another_teams_experiment_is_not_found_and_not_touched()
    {
        await using var app = await GrowthBotApp.Start();
        var foreign = await app.Idea(team: "T0OTHER");

        var start = await app.Command("/experiment start E1");
        var abandon = await app.Command("/experiment abandon E1");

        Assert.Contains("There is no experiment E1 in this workspace", start.Text);
        Assert.Contains("There is no experiment E1 in this workspace", abandon.Text);
        Assert.Equal(ExperimentStatus.Backlog, (await app.Reload(foreign)).Status);
    }

    [Fact]
    public async Task Starting_twice_or_after_the_end_is_refused_and_says_why()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Running();
        var concluded = await app.Running("Webinar");
        await app.Conclude(concluded, Outcome.DidNotWork, "0 leads", "Nobody came", Decision.Stop, GrowthBotApp.DefaultNow);
        await app.Idea("Podcast ads");
        await app.Command("/experiment abandon E3");

        Assert.Contains("E1 is already running", (await app.Command("/experiment start E1")).Text);
        Assert.Contains("E2 is already concluded (didn't work)", (await app.Command("/experiment start E2")).Text);
        Assert.Contains("E3 was abandoned", (await app.Command("/experiment start E3")).Text);
    }

    [Fact]
    public async Task Someone_else_cannot_start_or_abandon_an_idea_and_is_told_who_can()
    {
        await using var app = await GrowthBotApp.Start();
        var idea = await app.Idea();

        var start = await app.Command("/experiment start E1", user: GrowthBotApp.Bob);
        var abandon = await app.Command("/experiment abandon E1", user: GrowthBotApp.Bob);

        Assert.Contains("Only its owner <@U0ALICE> or a growth lead (<@U0LEAD>) can start E1", start.Text);
        Assert.Contains("can abandon E1", abandon.Text);
        Assert.Equal(ExperimentStatus.Backlog, (await app.Reload(idea)).Status);
    }

    [Fact]
    public async Task A_growth_lead_may_start_someone_elses_idea()
    {
        await using var app = await GrowthBotApp.Start();
        var idea = await app.Idea();

        var reply = await app.Command("/experiment start E1", user: GrowthBotApp.Lead);

        Assert.Contains("is running", reply.Text);
        Assert.Equal(ExperimentStatus.Running, (await app.Reload(idea)).Status);
    }

    [Fact]
    public async Task Abandoning_keeps_the_dates_and_stops_later_changes()
    {
        await using var app = await GrowthBotApp.Start();
        var running = await app.Running();
        app.Time.Advance(TimeSpan.FromDays(2));

        var reply = await app.Command("/experiment abandon E1");

        Assert.Contains("Abandoned *E1 · LinkedIn InMail to CMOs*", reply.Text);
        var stored = await app.Reload(running);
        Assert.Equal(ExperimentStatus.Abandoned, stored.Status);
        Assert.Equal(GrowthBotApp.DefaultNow, stored.StartedAt);
        Assert.Equal(GrowthBotApp.DefaultNow.AddDays(2), stored.ConcludedAt);
        Assert.Contains("already abandoned", (await app.Command("/experiment abandon E1")).Text);
        Assert.Contains("was abandoned", (await app.Command("/experiment conclude E1")).Text);
    }

    [Fact]
    public async Task The_card_of_a_backlog_idea_has_a_Start_button_that_starts_it()
    {
        await using var app = await GrowthBotApp.Start();
        var idea = await app.Idea();
        var card = await app.Command("/experiment show E1");

        var click = await app.Click(card.Body!, $"{StartExperimentButton.ActionId}:E1");

        Assert.True(click.IsEmptyAck, click.Raw);
        var answer = await app.Slack.WaitFor("response_url");
        Assert.Contains("is running", answer.AllText);
        Assert.Equal(ExperimentStatus.Running, (await app.Reload(idea)).Status);
    }

    [Fact]
    public async Task Only_people_who_may_act_see_the_cards_buttons()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Idea();

        var owner = await app.Command("/experiment show E1");
        var other = await app.Command("/experiment show E1", user: GrowthBotApp.Bob);

        Assert.Contains(StartExperimentButton.ActionId, owner.Raw);
        Assert.DoesNotContain(StartExperimentButton.ActionId, other.Raw);
    }

    [Fact]
    public async Task The_usage_lists_every_lifecycle_command()
    {
        await using var app = await GrowthBotApp.Start();

        var help = await app.Command("/experiment help");

        foreach (var sub in new[] { "new", "list", "show", "start", "conclude", "edit", "abandon" })
            Assert.Contains($"/experiment {sub}", help.Text);
    }
}
