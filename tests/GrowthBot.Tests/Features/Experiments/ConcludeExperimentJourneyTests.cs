using Dapper;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Experiments;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using C = GrowthBot.Features.Experiments.ConcludeExperimentModal.Blocks;

namespace GrowthBot.Tests.Features.Experiments;

public class ConcludeExperimentJourneyTests
{
    private static ViewSubmission Filled(SlackCall open, string user = GrowthBotApp.Alice) => ViewSubmission.Of(open, user)
        .Radio(C.Outcome, "Worked")
        .Text(C.Result, "1 lead, campaign CTR 60%")
        .Text(C.Learning, "CMOs of 100-person companies answer InMail: a promising lead source")
        .Radio(C.Decision, "Scale");

    [Fact]
    public async Task Experiment_conclude_opens_the_modal_about_that_experiment()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Running();

        var reply = await app.Command("/experiment conclude E1");

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var open = app.Slack.Last("views.open");
        Assert.Equal(ConcludeExperimentModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());
        Assert.Equal("Conclude experiment", open.View["title"]!["text"]!.GetValue<string>());
        Assert.Contains("E1 · LinkedIn InMail to CMOs", open.AllText);
        Assert.DoesNotContain(C.KeyResultValue, open.View.ToJsonString());
    }

    [Fact]
    public async Task Submitting_concludes_the_experiment_keeps_the_learning_and_confirms()
    {
        await using var app = await GrowthBotApp.Start();
        var running = await app.Running();
        await app.Command("/experiment conclude E1");
        app.Time.Advance(TimeSpan.FromDays(6));

        var reply = await app.Submit(Filled(app.Slack.Last("views.open")));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var stored = await app.Reload(running);
        Assert.Equal((ExperimentStatus.Concluded, Outcome.Worked, Decision.Scale), (stored.Status, stored.Outcome!.Value, stored.Decision!.Value));
        Assert.Equal("1 lead, campaign CTR 60%", stored.Result);
        Assert.Equal(GrowthBotApp.DefaultNow.AddDays(6), stored.ConcludedAt);
        Assert.Equal(GrowthBotApp.DefaultNow, stored.StartedAt);
        var learning = Assert.Single(await app.Service<LearningStore>().ForExperiment(running.TeamId, running.Id));
        Assert.Equal((LearningKind.Experiment, "CMOs of 100-person companies answer InMail: a promising lead source", GrowthBotApp.Alice), (learning.Kind, learning.Text, learning.CreatedBy));

        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("Concluded *E1 · LinkedIn InMail to CMOs*: *Worked*, decision *Scale*", confirmation.AllText);
        Assert.Contains("saved as `L1`", confirmation.AllText);
    }

    [Fact]
    public async Task A_failed_experiment_is_celebrated_as_a_learning()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Running();
        await app.Command("/experiment conclude E1");

        await app.Submit(Filled(app.Slack.Last("views.open")).Radio(C.Outcome, "DidNotWork").Radio(C.Decision, "Stop"));

        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("Didn't work", confirmation.AllText);
        Assert.Contains("A failed experiment is a learning too", confirmation.AllText);
    }

    [Fact]
    public async Task With_a_linked_key_result_the_modal_checks_it_in_in_the_same_step()
    {
        await using var app = await GrowthBotApp.Start();
        var kr = await app.KeyResult();
        var running = await app.Running(keyResultId: kr.Id);
        await app.Command("/experiment conclude E1");
        var open = app.Slack.Last("views.open");
        Assert.Contains("Check in KR1 · New leads", open.AllText);

        await app.Submit(Filled(open).Text(C.KeyResultValue, "26").Select(C.KeyResultConfidence, "AtRisk"));

        var checkIn = Assert.Single(await app.CheckIns(kr.Id));
        Assert.Equal((26m, 0m, Domain.Okrs.KrConfidence.AtRisk), (checkIn.Value, checkIn.PreviousValue, checkIn.Confidence));
        Assert.Contains("E1", checkIn.Note);
        Assert.Equal(26m, (await app.Service<OkrStore>().KeyResultById(GrowthBotApp.TeamId, kr.Id))!.Current);
        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("26/100 leads · At risk", confirmation.AllText);
        Assert.Equal(ExperimentStatus.Concluded, (await app.Reload(running)).Status);
    }

    [Fact]
    public async Task A_check_in_value_that_is_not_a_number_is_an_inline_error_and_nothing_is_stored()
    {
        await using var app = await GrowthBotApp.Start();
        var kr = await app.KeyResult();
        var running = await app.Running(keyResultId: kr.Id);
        await app.Command("/experiment conclude E1");

        var reply = await app.Submit(Filled(app.Slack.Last("views.open")).Text(C.KeyResultValue, "about thirty").Select(C.KeyResultConfidence, "OnTrack"));

        Assert.Equal("errors", reply.ResponseAction);
        Assert.Contains("\"about thirty\" is not a number", reply.Errors[C.KeyResultValue]);
        Assert.Equal(ExperimentStatus.Running, (await app.Reload(running)).Status);
        Assert.Empty(await app.Service<LearningStore>().ForExperiment(running.TeamId, running.Id));
        Assert.Empty(await app.CheckIns(kr.Id));
    }

    [Fact]
    public async Task Missing_answers_are_inline_errors()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Running();
        await app.Command("/experiment conclude E1");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open")).Text(C.Result, "  "));

        Assert.Equal("errors", reply.ResponseAction);
        Assert.Equal([C.Decision, C.Learning, C.Outcome, C.Result], reply.Errors.Keys.Order());
    }

    [Fact]
    public async Task When_the_check_in_fails_nothing_of_the_conclusion_is_stored()
    {
        await using var app = await GrowthBotApp.Start();
        var kr = await app.KeyResult();
        var running = await app.Running(keyResultId: kr.Id);
        var store = app.Service<ExperimentStore>();
        var conclusion = new Conclusion(Outcome.Worked, "r", "l", Decision.Scale);
        const string Index = "SELECT source || ':' || source_id || ':' || title || ':' || body FROM search_index ORDER BY source, source_id";
        IReadOnlyList<string> indexed;
        await using (var before = await app.Db()) indexed = (await before.QueryAsync<string>(Index)).ToList();

        // A key result of another team cannot be checked in: the whole conclusion rolls back.
        await Assert.ThrowsAnyAsync<Exception>(() => store.Conclude(running, conclusion, new KeyResultUpdate(kr.Id + 1000, 5, Domain.Okrs.KrConfidence.OnTrack), GrowthBotApp.Alice, GrowthBotApp.DefaultNow));

        Assert.Equal(ExperimentStatus.Running, (await app.Reload(running)).Status);
        Assert.Empty(await app.Service<LearningStore>().ForExperiment(running.TeamId, running.Id));
        await using var db = await app.Db();
        // Every experiment is in the search index from the start; its concluded text and the learning are not.
        Assert.Equal(indexed, (await db.QueryAsync<string>(Index)).ToList());
    }

    [Fact]
    public async Task A_backlog_idea_cannot_be_concluded_yet()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Idea();

        var reply = await app.Command("/experiment conclude E1");

        Assert.Contains("hasn't started yet", reply.Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }

    [Fact]
    public async Task Someone_else_cannot_conclude_and_is_told_who_can()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Running();

        var reply = await app.Command("/experiment conclude E1", user: GrowthBotApp.Bob);

        Assert.Contains("Only its owner <@U0ALICE> or a growth lead (<@U0LEAD>) can conclude E1", reply.Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }

    [Fact]
    public async Task A_modal_submitted_after_someone_else_concluded_changes_nothing_and_says_so()
    {
        await using var app = await GrowthBotApp.Start();
        var running = await app.Running();
        await app.Command("/experiment conclude E1");
        var first = app.Slack.Last("views.open");
        await app.Command("/experiment conclude E1", user: GrowthBotApp.Lead);
        await app.Submit(Filled(app.Slack.Last("views.open"), GrowthBotApp.Lead).Text(C.Result, "first"));
        await app.Idle();
        app.Slack.Clear();

        var reply = await app.Submit(Filled(first).Text(C.Result, "second"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var answer = await app.Slack.WaitFor("response_url");
        Assert.Contains("E1 is already concluded", answer.AllText);
        Assert.Equal("first", (await app.Reload(running)).Result);
        Assert.Single(await app.Service<LearningStore>().ForExperiment(running.TeamId, running.Id));
    }

    [Fact]
    public async Task The_Conclude_button_on_the_card_opens_the_same_modal()
    {
        await using var app = await GrowthBotApp.Start();
        var running = await app.Running();
        var card = await app.Command("/experiment show E1");

        var click = await app.Click(card.Body!, $"{ConcludeExperimentButton.ActionId}:E1");

        Assert.True(click.IsEmptyAck, click.Raw);
        var open = app.Slack.Last("views.open");
        Assert.Equal(ConcludeExperimentModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());
        await app.Submit(Filled(open));
        Assert.Equal(ExperimentStatus.Concluded, (await app.Reload(running)).Status);
    }

    [Fact]
    public async Task A_Conclude_button_carrying_the_id_as_its_value_works_too()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Running();
        var message = System.Text.Json.Nodes.JsonNode.Parse("""
            {"text":"E1 is due","blocks":[{"type":"actions","elements":[{"type":"button","action_id":"experiment_conclude","value":"E1","text":{"type":"plain_text","text":"Conclude"}}]}]}
            """)!;

        await app.Click(message, ConcludeExperimentButton.ActionId);

        Assert.Equal(ConcludeExperimentModal.CallbackId, app.Slack.Last("views.open").View!["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_Conclude_button_clicked_by_someone_else_answers_privately_who_can()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Running();
        var card = await app.Command("/experiment show E1");

        await app.Click(card.Body!, $"{ConcludeExperimentButton.ActionId}:E1", user: GrowthBotApp.Bob);

        var answer = await app.Slack.WaitFor("response_url");
        Assert.Contains("can conclude E1", answer.AllText);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }
}
