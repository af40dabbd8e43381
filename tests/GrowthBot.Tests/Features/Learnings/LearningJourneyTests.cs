using Dapper;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Learnings;
using GrowthBot.Storage;
using GrowthBot.Tests.Features.Experiments;
using GrowthBot.Tests.Fixtures;
using L = GrowthBot.Features.Learnings.LogLearningModal.Blocks;

namespace GrowthBot.Tests.Features.Learnings;

public class LearningJourneyTests
{
    private static Learning NewLearning(string text, LearningKind kind = LearningKind.Channel, long? experimentId = null, string team = GrowthBotApp.TeamId) => new()
    {
        TeamId = team, Kind = kind, Text = text, ExperimentId = experimentId, CreatedBy = GrowthBotApp.Alice, CreatedAt = GrowthBotApp.DefaultNow,
    };

    [Fact]
    public async Task Learning_new_opens_the_modal_offering_the_teams_experiments_newest_first()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Idea("Webinar");
        await app.Idea("LinkedIn InMail");
        await app.Idea("Other team's idea", team: "T0OTHER");

        var reply = await app.Command("/learning new");

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var view = app.Slack.Last("views.open").View!;
        Assert.Equal(LogLearningModal.CallbackId, view["callback_id"]!.GetValue<string>());
        Assert.Equal("Log learning", view["title"]!["text"]!.GetValue<string>());
        var options = view["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == L.Experiment)!["element"]!["options"]!.AsArray();
        Assert.Equal(["E2 LinkedIn InMail", "E1 Webinar"], options.Select(o => o!["text"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_modal_offers_at_most_100_experiments()
    {
        await using var app = await GrowthBotApp.Start();
        for (var i = 0; i < 105; i++) await app.Idea($"Idea {i}");

        await app.Command("/learning new");

        var options = app.Slack.Last("views.open").View!["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == L.Experiment)!["element"]!["options"]!.AsArray();
        Assert.Equal(100, options.Count);
        Assert.Equal("E105 Idea 104", options[0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submitting_stores_the_learning_linked_to_the_experiment_and_confirms_its_id()
    {
        await using var app = await GrowthBotApp.Start();
        var e = await app.Idea();
        await app.Command("/learning new");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(L.Text, "CMOs answer InMail within a day").Select(L.Kind, "Icp").Select(L.Experiment, e.Id.ToString()));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var stored = Assert.Single(await app.Service<LearningStore>().ForExperiment(e.TeamId, e.Id));
        Assert.Equal(("CMOs answer InMail within a day", LearningKind.Icp, GrowthBotApp.Alice, 1), (stored.Text, stored.Kind, stored.CreatedBy, stored.Number));
        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("Saved *L1* (ICP (ideal customer)) from *E1 · LinkedIn InMail to CMOs*", confirmation.AllText);
    }

    [Fact]
    public async Task A_learning_needs_text_and_a_kind_but_no_experiment()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/learning new");
        var open = app.Slack.Last("views.open");

        var invalid = await app.Submit(ViewSubmission.Of(open).Text(L.Text, " "));
        var valid = await app.Submit(ViewSubmission.Of(open).Text(L.Text, "Process: weekly review works").Select(L.Kind, "Process"));

        Assert.Equal([L.Kind, L.Text], invalid.Errors.Keys.Order());
        Assert.True(valid.IsEmptyAck, valid.Raw);
        await using var db = await app.Db();
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM learnings"));
    }

    [Fact]
    public async Task Another_teams_experiment_cannot_be_linked()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Idea();
        var foreign = await app.Idea(team: "T0OTHER");
        await app.Command("/learning new");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(L.Text, "t").Select(L.Kind, "Experiment").Select(L.Experiment, foreign.Id.ToString()));

        Assert.Equal("errors", reply.ResponseAction);
        Assert.Contains("doesn't exist in this workspace", reply.Errors[L.Experiment]);
        await using var db = await app.Db();
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM learnings"));
    }

    [Fact]
    public async Task Search_ranks_the_best_matches_first_and_links_back_to_experiments()
    {
        await using var app = await GrowthBotApp.Start();
        var store = app.Service<LearningStore>();
        var inmail = await app.Running("InMail to CMOs");
        await app.Conclude(inmail, Outcome.Worked, "1 lead, CTR 60%", "CMOs answer LinkedIn InMail", Decision.Scale, GrowthBotApp.DefaultNow);
        await store.Add(NewLearning("LinkedIn ads are expensive for small companies"));
        await store.Add(NewLearning("LinkedIn InMail to CMOs gets answers on Mondays", LearningKind.Experiment, inmail.Id));
        await store.Add(NewLearning("Webinars bring students, not buyers"));
        await store.Add(NewLearning("LinkedIn InMail to CMOs works", team: "T0OTHER"));

        var reply = await app.Command("/learning search linkedin inmail cmo");

        Assert.Equal("ephemeral", reply.ResponseType);
        var sections = reply.Body!["blocks"]!.AsArray().Select(b => b!["text"]?["text"]?.GetValue<string>() ?? "").ToList();
        Assert.Contains("*3 matches*", sections[0]);
        // The experiment and the learning matching all three words come before the one matching only "linkedin".
        Assert.Contains(sections[1..3], s => s.StartsWith("`L2` *Experiment learning* from `E1` InMail to CMOs"));
        Assert.Contains(sections[1..3], s => s.StartsWith("`E1` *InMail to CMOs* · Worked, decided scale"));
        Assert.StartsWith("`L1` *Channel learning*", sections[3]);
        Assert.DoesNotContain("Webinars", reply.Text);
        Assert.DoesNotContain("works", reply.Text);
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_what_to_try()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Service<LearningStore>().Add(NewLearning("Webinars bring students"));

        var reply = await app.Command("/learning search podcast");

        Assert.Contains("Nothing in learnings or concluded experiments matches _podcast_", reply.Text);
        Assert.Contains("/learning new", reply.Text);
    }

    [Theory]
    [InlineData("/learning search", "What should I look for?")]
    [InlineData("/learning search   ", "What should I look for?")]
    [InlineData("/learning search ?! *", "Nothing in learnings")]
    [InlineData("/learning", "/learning search")]
    [InlineData("/learning help", "/learning new")]
    [InlineData("/learning frobnicate", "I don't know `/learning frobnicate`")]
    public async Task Learning_without_usable_words_or_with_an_unknown_subcommand_explains_itself(string command, string answer)
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command(command);

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains(answer, reply.Text);
    }
}
