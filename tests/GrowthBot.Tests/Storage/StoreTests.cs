using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Storage;

public class StoreTests
{
    private static readonly DateTimeOffset Now = GrowthBotApp.DefaultNow;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    internal static Experiment NewExperiment(string name, string hypothesis = "because", string team = GrowthBotApp.TeamId) => new()
    {
        TeamId = team, Name = name, Hypothesis = hypothesis, Stage = FunnelStage.Acquisition, Ice = new IceScore(8, 6, 7),
        OwnerId = GrowthBotApp.Alice, StartDate = Today, EndDate = Today.AddDays(7), CreatedBy = GrowthBotApp.Alice, CreatedAt = Now,
    };

    [Fact]
    public async Task Another_teams_row_id_reads_nothing_and_changes_nothing()
    {
        await using var app = await GrowthBotApp.Start();
        var experiments = app.Service<ExperimentStore>();
        var tasks = app.Service<TaskStore>();
        var theirs = await experiments.Add(NewExperiment("Their idea", team: "T0OTHER"));
        var task = await tasks.Add(new GrowthTask { TeamId = "T0OTHER", ExperimentId = theirs.Id, Title = "Theirs", OwnerId = GrowthBotApp.Bob, DueDate = Today, CreatedBy = GrowthBotApp.Bob, CreatedAt = Now });
        const string Us = GrowthBotApp.TeamId;

        Assert.False(await experiments.Start(Us, theirs.Id, Today, Today.AddDays(7), Now));
        Assert.False(await experiments.Abandon(Us, theirs.Id, Now));
        await experiments.Update(theirs with { TeamId = Us, Name = "Renamed by us" }, Now);
        Assert.False(await tasks.MarkDone(Us, task.Id, GrowthBotApp.Alice, Now));
        Assert.False(await tasks.Unblock(Us, task.Id, GrowthBotApp.Alice, Now));
        await Assert.ThrowsAsync<InvalidOperationException>(() => tasks.Block(task.Id, Us, BlockReason.Budget, "", GrowthBotApp.Alice, Now));
        await Assert.ThrowsAsync<InvalidOperationException>(() => tasks.Postpone(task.Id, Us, Today.AddDays(3), "later", GrowthBotApp.Alice, Now));
        Assert.Empty(await tasks.ForExperiment(Us, theirs.Id));
        Assert.Empty(await tasks.PostponementsForExperiment(Us, theirs.Id, 10));
        Assert.Empty(await app.Service<LearningStore>().ForExperiment(Us, theirs.Id));
        Assert.Empty(await app.Service<FeedbackStore>().ForExperiment(Us, theirs.Id));

        var unchanged = (await experiments.FindById("T0OTHER", theirs.Id))!;
        Assert.Equal(("Their idea", ExperimentStatus.Backlog), (unchanged.Name, unchanged.Status));
        var open = Assert.Single(await tasks.Open("T0OTHER"));
        Assert.Equal((GrowthTaskStatus.Open, Today, 0), (open.Status, open.DueDate, open.Postponements));
        Assert.Null(open.Blocker);
    }

    [Fact]
    public async Task Experiments_are_numbered_per_team_and_move_through_their_lifecycle()
    {
        await using var app = await GrowthBotApp.Start();
        var store = app.Service<ExperimentStore>();

        var e1 = await store.Add(NewExperiment("LinkedIn InMail"));
        var other = await store.Add(NewExperiment("Other team's idea", team: "T0OTHER"));
        var e2 = await store.Add(NewExperiment("Webinar"));

        Assert.Equal((1, 1, 2), (e1.Number, other.Number, e2.Number));
        Assert.True(await store.Start(e1.TeamId, e1.Id, Today, Today.AddDays(7), Now));
        Assert.False(await store.Start(e1.TeamId, e1.Id, Today, Today.AddDays(7), Now));
        Assert.True(await app.Conclude(e1, Outcome.Worked, "1 lead, CTR 60%", "CMOs answer InMail", Decision.Scale, Now.AddDays(6)));
        Assert.False(await store.Abandon(e1.TeamId, e1.Id, Now));
        Assert.True(await store.Abandon(e2.TeamId, e2.Id, Now));

        var concluded = Assert.Single(await store.All(GrowthBotApp.TeamId), e => e.Status == ExperimentStatus.Concluded);
        Assert.Equal(("1 lead, CTR 60%", Now.AddDays(6)), (concluded.Result, concluded.ConcludedAt));
        Assert.Equal(ExperimentStatus.Abandoned, (await store.Find(GrowthBotApp.TeamId, 2))!.Status);
        Assert.Single(await store.All("T0OTHER"));
    }

    [Fact]
    public async Task Similar_candidates_come_from_the_words_of_names_and_hypotheses_and_follow_edits()
    {
        await using var app = await GrowthBotApp.Start();
        var store = app.Service<ExperimentStore>();
        var inMail = await store.Add(NewExperiment("LinkedIn InMail to CMOs", "CMOs read InMail"));
        await store.Add(NewExperiment("Webinar for students", "Students love webinars"));
        await store.Add(NewExperiment("InMail campaign", "CMOs", team: "T0OTHER"));
        var mine = await store.Add(NewExperiment("Another InMail test", "CMOs again"));

        var (candidates, rarity) = await store.SimilarCandidates(GrowthBotApp.TeamId, mine.Id, WordStems.Of("inmail cmos"));

        Assert.Equal([inMail.Id], candidates.Select(c => c.Id));
        Assert.Equal((3, 2, 2), (rarity.Experiments, rarity.Holding("inmai"), rarity.Holding("cmo")));
        await store.Update(inMail with { Name = "Cold calls", Hypothesis = "People pick up" }, Now);
        Assert.Empty((await store.SimilarCandidates(GrowthBotApp.TeamId, mine.Id, WordStems.Of("inmail cmos"))).Candidates);
        Assert.Empty((await store.SimilarCandidates(GrowthBotApp.TeamId, mine.Id, WordStems.Of("\"; DROP TABLE experiments; --"))).Candidates);
    }

    [Fact]
    public async Task Tasks_keep_their_blockers_and_every_postponement()
    {
        await using var app = await GrowthBotApp.Start();
        var tasks = app.Service<TaskStore>();
        var task = await tasks.Add(new GrowthTask { TeamId = GrowthBotApp.TeamId, Title = "Write InMail copy", OwnerId = GrowthBotApp.Bob, DueDate = Today, CreatedBy = GrowthBotApp.Alice, CreatedAt = Now });

        await tasks.Block(task.Id, GrowthBotApp.TeamId, BlockReason.Budget, "Need 200 EUR", GrowthBotApp.Bob, Now);
        await tasks.Block(task.Id, GrowthBotApp.TeamId, BlockReason.Access, "No LinkedIn seat", GrowthBotApp.Bob, Now.AddHours(1));
        await tasks.Postpone(task.Id, GrowthBotApp.TeamId, Today.AddDays(2), "waiting for budget", GrowthBotApp.Bob, Now.AddHours(2));
        await tasks.Postpone(task.Id, GrowthBotApp.TeamId, Today.AddDays(4), "still waiting", GrowthBotApp.Bob, Now.AddHours(3));

        var found = (await tasks.Find(GrowthBotApp.TeamId, task.Number))!;
        Assert.Equal(BlockReason.Access, found.Blocker!.Reason);
        Assert.Equal((Today, Today.AddDays(4), 2), (found.OriginalDueDate, found.DueDate, found.Postponements));
        Assert.Single(await tasks.BlocksRecorded(GrowthBotApp.TeamId, Now, Now.AddDays(1)));
        Assert.Equal(2, (await tasks.PostponementsRecorded(GrowthBotApp.TeamId, Now, Now.AddDays(1))).Count);

        Assert.True(await tasks.MarkDone(task.TeamId, task.Id, GrowthBotApp.Bob, Now.AddDays(1)));
        Assert.False(await tasks.MarkDone(task.TeamId, task.Id, GrowthBotApp.Bob, Now.AddDays(1)));
        var done = (await tasks.Find(GrowthBotApp.TeamId, task.Number))!;
        Assert.Null(done.Blocker);
        Assert.Empty(await tasks.Open(GrowthBotApp.TeamId));
    }

    [Fact]
    public async Task Learnings_and_concluded_experiments_are_found_by_their_words_best_first()
    {
        await using var app = await GrowthBotApp.Start();
        var experiments = app.Service<ExperimentStore>();
        var learnings = app.Service<LearningStore>();
        var e = await experiments.Add(NewExperiment("LinkedIn InMail to CMOs", "CMOs of small companies read InMail"));
        await app.Conclude(e, Outcome.Worked, "one lead", "CMOs respond to InMail", Decision.Scale, Now);
        await learnings.Add(new Learning { TeamId = GrowthBotApp.TeamId, Kind = LearningKind.Icp, Text = "Our best customers have an active CMO", CreatedBy = GrowthBotApp.Alice, CreatedAt = Now });
        await learnings.Add(new Learning { TeamId = GrowthBotApp.TeamId, Kind = LearningKind.Channel, Text = "Webinars bring students, not buyers", CreatedBy = GrowthBotApp.Alice, CreatedAt = Now });

        var hits = await learnings.Search(GrowthBotApp.TeamId, "InMail CMO");

        Assert.Equal(2, hits.Count);
        Assert.Equal(SearchHit.ExperimentSource, hits[0].Source);
        Assert.Empty(await learnings.Search("T0OTHER", "InMail"));
        // Quotes and operators are no part of a stem: the words are searched for ("learnings" finds every learning's
        // title, "L1 Icp learning"), nothing is executed, and the learnings are all still there.
        Assert.Equal(2, (await learnings.Search(GrowthBotApp.TeamId, "\"; DROP TABLE learnings; --")).Count(h => h.Source == SearchHit.LearningSource));
        Assert.Equal(2, (await learnings.Latest(GrowthBotApp.TeamId, 5)).Count);
    }

    [Fact]
    public async Task Check_ins_move_the_key_result_and_are_kept_as_history()
    {
        await using var app = await GrowthBotApp.Start();
        var okrs = app.Service<OkrStore>();
        var set = await okrs.SetObjective(GrowthBotApp.TeamId, "Grow revenue", "Q4", [new KeyResultDraft("New leads", 0, 100, "new leads", GrowthBotApp.Alice)], GrowthBotApp.Lead, Now);
        var kr = Assert.Single(set.KeyResults);

        await okrs.AddCheckIn(GrowthBotApp.TeamId, kr.Id, 12, KrConfidence.AtRisk, "slow start", GrowthBotApp.Alice, Now);
        await okrs.AddCheckIn(GrowthBotApp.TeamId, kr.Id, 26.5m, KrConfidence.OnTrack, "", GrowthBotApp.Alice, Now.AddDays(7));

        var current = (await okrs.Current(GrowthBotApp.TeamId))!;
        Assert.Equal((26.5m, KrConfidence.OnTrack), (current.KeyResults[0].Current, current.KeyResults[0].Confidence));
        var history = await app.CheckIns(kr.Id);
        Assert.Equal([0m, 12m], history.Select(c => c.PreviousValue));

        await okrs.SetObjective(GrowthBotApp.TeamId, "Next quarter", "Q1", [new KeyResultDraft("Deals", 0, 10, "deals", GrowthBotApp.Bob)], GrowthBotApp.Lead, Now.AddDays(30));
        var next = (await okrs.Current(GrowthBotApp.TeamId))!;
        Assert.Equal(("Next quarter", 2), (next.Objective.Title, next.KeyResults[0].Number));
    }

    [Fact]
    public async Task Lead_feedback_is_kept_per_experiment_one_rating_per_person_and_report()
    {
        await using var app = await GrowthBotApp.Start();
        var e = await app.Service<ExperimentStore>().Add(NewExperiment("InMail"));
        var feedback = app.Service<FeedbackStore>();
        var report = await app.PostedReport(Now.AddDays(-1), e);

        await feedback.Rate(GrowthBotApp.TeamId, report.Id, e.Id, GrowthBotApp.Bob, LeadQuality.Good, Now);
        await feedback.SetReason(GrowthBotApp.TeamId, report.Id, e.Id, GrowthBotApp.Bob, LeadQualityReason.TooSmall, Now.AddMinutes(1));
        var changed = await feedback.Rate(GrowthBotApp.TeamId, report.Id, e.Id, GrowthBotApp.Bob, LeadQuality.Mixed, Now.AddMinutes(2));
        var reply = new ThreadComment { TeamId = GrowthBotApp.TeamId, ReportId = report.Id, ExperimentId = e.Id, FromSales = true, Text = "Good fit, but no budget until March", MessageTs = "1.2", CreatedBy = GrowthBotApp.Bob, CreatedAt = Now.AddMinutes(5) };
        await feedback.AddComment(reply);
        await feedback.AddComment(reply); // the same Slack message delivered twice

        Assert.Equal((LeadQuality.Mixed, LeadQualityReason.TooSmall, Now, Now.AddMinutes(2)), (changed.Quality, changed.Reason, changed.CreatedAt, changed.UpdatedAt));
        var stored = await feedback.ForExperiment(e.TeamId, e.Id);
        Assert.Equal([LeadQuality.Mixed, null], stored.Select(f => f.Quality));
        var (ratings, comments) = await feedback.InPeriod(GrowthBotApp.TeamId, Now, Now.AddDays(1));
        Assert.Equal((1, 1), (ratings.Count, comments.Count));
        Assert.Equal(2, (await feedback.Between(GrowthBotApp.TeamId, Now, Now.AddDays(1))).Count);
        Assert.Equal(new RatingCounts(0, 1, 0), (await feedback.Counts(GrowthBotApp.TeamId, report.Id))[e.Id]);
    }
}
