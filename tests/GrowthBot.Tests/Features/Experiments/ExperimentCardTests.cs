using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Tasks;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;
using GrowthBot.Testing;
using GrowthBot.Tests.Fixtures;
using static GrowthBot.Tests.Features.Experiments.ExperimentSeeds;

namespace GrowthBot.Tests.Features.Experiments;

public class ExperimentCardTests
{
    private static GrowthTask Task(long experimentId, string title, DateOnly due, string owner = GrowthBotApp.Bob) => new()
    {
        TeamId = GrowthBotApp.TeamId, ExperimentId = experimentId, Title = title, OwnerId = owner, DueDate = due,
        CreatedBy = GrowthBotApp.Alice, CreatedAt = GrowthBotApp.DefaultNow,
    };

    [Fact]
    public async Task The_card_shows_tasks_blockers_postponements_learnings_feedback_and_the_key_result()
    {
        await using var app = await GrowthBotApp.Start();
        var kr = await app.KeyResult();
        var e = await app.Running(keyResultId: kr.Id);
        var tasks = app.Service<TaskStore>();
        var copy = await tasks.Add(Task(e.Id, "Write InMail copy", Today.AddDays(-2)));
        var seat = await tasks.Add(Task(e.Id, "Buy a LinkedIn seat", Today.AddDays(3)));
        var list = await tasks.Add(Task(e.Id, "Build the CMO list", Today.AddDays(1)));
        await tasks.MarkDone(list.TeamId, list.Id, GrowthBotApp.Bob, GrowthBotApp.DefaultNow);
        await tasks.Block(seat.Id, GrowthBotApp.TeamId, BlockReason.Budget, "Need 200 EUR", GrowthBotApp.Bob, GrowthBotApp.DefaultNow);
        await tasks.Postpone(seat.Id, GrowthBotApp.TeamId, Today.AddDays(5), "waiting for budget approval", GrowthBotApp.Bob, GrowthBotApp.DefaultNow);
        await app.Service<LearningStore>().Add(new Learning { TeamId = GrowthBotApp.TeamId, Kind = LearningKind.Icp, Text = "CMOs read InMail on Mondays", ExperimentId = e.Id, CreatedBy = GrowthBotApp.Alice, CreatedAt = GrowthBotApp.DefaultNow });
        var feedback = app.Service<FeedbackStore>();
        var report = await app.PostedReport(GrowthBotApp.DefaultNow.AddDays(-1), e);
        await feedback.Rate(GrowthBotApp.TeamId, report.Id, e.Id, "U0SALES", LeadQuality.Good, GrowthBotApp.DefaultNow);
        await feedback.Rate(GrowthBotApp.TeamId, report.Id, e.Id, "U0SALES2", LeadQuality.Poor, GrowthBotApp.DefaultNow);
        await feedback.SetReason(GrowthBotApp.TeamId, report.Id, e.Id, "U0SALES2", LeadQualityReason.TooSmall, GrowthBotApp.DefaultNow);
        await feedback.AddComment(new ThreadComment { TeamId = GrowthBotApp.TeamId, ReportId = report.Id, ExperimentId = e.Id, FromSales = true, Text = "only 5 employees", MessageTs = "1763400000.000200", CreatedBy = "U0SALES2", CreatedAt = GrowthBotApp.DefaultNow });
        await feedback.AddComment(new ThreadComment { TeamId = GrowthBotApp.TeamId, ReportId = report.Id, ExperimentId = e.Id, FromSales = false, Text = "not from sales", MessageTs = "1763400000.000300", CreatedBy = GrowthBotApp.Bob, CreatedAt = GrowthBotApp.DefaultNow });

        var card = await app.Command("/experiment show E1");

        Assert.Equal("ephemeral", card.ResponseType);
        Assert.Contains("*Key result*\n`KR1` New leads: 0/100 leads", card.Text);
        Assert.Contains("*Tasks* · 2 open, 1 done · :warning: 1 overdue · :no_entry: 1 blocked", card.Text);
        Assert.Contains("`T1` Write InMail copy · <@U0BOB>", card.Text);
        Assert.Contains(":warning: overdue", card.Text);
        Assert.Contains("`T2` Budget since", card.Text);
        Assert.Contains(": Need 200 EUR", card.Text);
        Assert.Contains("*Postponements* · 1 in all, on 1 task", card.Text);
        Assert.Contains("waiting for budget approval", card.Text);
        Assert.Contains("`L1` CMOs read InMail on Mondays", card.Text);
        Assert.Contains("Good 1 · Mixed 0 · Poor 1", card.Text);
        Assert.Contains("<@U0SALES2> (Poor) · too small", card.Text);
        Assert.Contains("<@U0SALES2>: only 5 employees", card.Text);
        Assert.DoesNotContain("not from sales", card.Text);
        Assert.Contains(Domain.Common.ShortId.Format("E", 1), card.Text);
        Assert.Empty(BlockKitChecker.CheckMessage(card.Body!));
    }

    [Fact]
    public async Task However_much_data_there_is_the_card_stays_within_Slacks_limits_and_says_how_many_more()
    {
        await using var app = await GrowthBotApp.Start();
        var e = await app.Running(name: new string('N', 200));
        var tasks = app.Service<TaskStore>();
        var longText = string.Concat(Enumerable.Repeat("<b>&amp; ", 400));
        for (var i = 0; i < 40; i++)
        {
            var task = await tasks.Add(Task(e.Id, longText[..200], Today.AddDays(i % 2 == 0 ? -3 : 3)));
            await tasks.Block(task.Id, GrowthBotApp.TeamId, BlockReason.Other, longText[..500], GrowthBotApp.Bob, GrowthBotApp.DefaultNow);
            await tasks.Postpone(task.Id, GrowthBotApp.TeamId, Today.AddDays(9), longText[..400], GrowthBotApp.Bob, GrowthBotApp.DefaultNow);
        }
        var report = await app.PostedReport(GrowthBotApp.DefaultNow.AddDays(-1), e);
        for (var i = 0; i < 30; i++)
        {
            await app.Service<LearningStore>().Add(new Learning { TeamId = GrowthBotApp.TeamId, Kind = LearningKind.Experiment, Text = longText[..2990], ExperimentId = e.Id, CreatedBy = GrowthBotApp.Alice, CreatedAt = GrowthBotApp.DefaultNow });
            await app.Service<FeedbackStore>().Rate(GrowthBotApp.TeamId, report.Id, e.Id, $"U0SALES{i}", LeadQuality.Mixed, GrowthBotApp.DefaultNow);
            await app.Service<FeedbackStore>().AddComment(new ThreadComment { TeamId = GrowthBotApp.TeamId, ReportId = report.Id, ExperimentId = e.Id, FromSales = true, Text = longText, MessageTs = $"1763400000.{i:000000}", CreatedBy = $"U0SALES{i}", CreatedAt = GrowthBotApp.DefaultNow });
        }

        var card = await app.Command("/experiment show E1");

        Assert.Empty(BlockKitChecker.CheckMessage(card.Body!));
        Assert.True(card.Body!["blocks"]!.AsArray().Count <= BlockKitLimits.MessageBlocks);
        Assert.Contains("…and 32 more open tasks", card.Text);
        Assert.Contains("…and 32 more blockers", card.Text);
        Assert.Contains("…and 22 more learnings", card.Text);
        Assert.Contains("…and 22 more replies", card.Text);
        Assert.Contains("Mixed 30", card.Text);
        Assert.DoesNotContain("<b>", card.Text);
    }

    [Fact]
    public async Task A_concluded_experiment_shows_its_outcome_and_when_it_started_and_ended_without_buttons()
    {
        await using var app = await GrowthBotApp.Start();
        var e = await app.Running();
        await app.Conclude(e, Domain.Experiments.Outcome.Inconclusive, "2 leads", "Too few InMails sent", Domain.Experiments.Decision.Iterate, GrowthBotApp.DefaultNow.AddDays(7));

        var card = await app.Command("/experiment show E1");

        Assert.Contains("*Outcome:* Inconclusive", card.Text);
        Assert.Contains("*Decision:* Iterate", card.Text);
        Assert.Contains("started", card.Text);
        Assert.Contains("concluded", card.Text);
        Assert.DoesNotContain("\"actions\"", card.Raw);
    }
}
