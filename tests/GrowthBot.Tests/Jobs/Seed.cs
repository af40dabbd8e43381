using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Jobs;

/// <summary>Data for the scheduled-post tests, written through the real stores. "Now" is Wed 2026-11-18 10:00 UTC.</summary>
public static class Seed
{
    public static readonly DateTimeOffset LastThursday = new(2026, 11, 12, 15, 0, 0, TimeSpan.Zero);

    public static async Task<OkrSnapshot> Okr(GrowthBotApp app, string owner = GrowthBotApp.Alice) =>
        await app.Service<OkrStore>().SetObjective(GrowthBotApp.TeamId, "Grow new business", "Q4",
            [new KeyResultDraft("New leads", 0, 100, "new leads", owner, CountsLeads: true), new KeyResultDraft("Closed deals", 0, 10, "deals", GrowthBotApp.Bob)],
            GrowthBotApp.Lead, GrowthBotApp.DefaultNow.AddDays(-30));

    public static async Task<Experiment> Experiment(GrowthBotApp app, string name, long? keyResultId = null, int impact = 8, string owner = GrowthBotApp.Alice,
        bool bringsLeads = false)
    {
        var today = DateOnly.FromDateTime(GrowthBotApp.DefaultNow.UtcDateTime);
        return await app.Service<ExperimentStore>().Add(new Experiment
        {
            TeamId = GrowthBotApp.TeamId, Name = name, Hypothesis = "CMOs of 100-person companies answer InMail.", Stage = FunnelStage.Acquisition,
            KeyResultId = keyResultId, Metric = "Leads", BringsLeads = bringsLeads, Ice = new IceScore(impact, 6, 7), OwnerId = owner,
            StartDate = today.AddDays(-14), EndDate = today.AddDays(-7), CreatedBy = owner, CreatedAt = GrowthBotApp.DefaultNow.AddDays(-20),
        });
    }

    public static async Task<Experiment> Concluded(GrowthBotApp app, string name, Outcome outcome, string result, long? keyResultId = null, DateTimeOffset? at = null,
        bool bringsLeads = false)
    {
        var experiments = app.Service<ExperimentStore>();
        var e = await Experiment(app, name, keyResultId, bringsLeads: bringsLeads);
        await experiments.Start(e.TeamId, e.Id, e.StartDate, e.EndDate, GrowthBotApp.DefaultNow.AddDays(-14));
        await app.Conclude(e, outcome, result, "CMOs answer InMail", Decision.Scale, at ?? LastThursday);
        return (await experiments.FindById(GrowthBotApp.TeamId, e.Id))!;
    }

    public static async Task<Experiment> Running(GrowthBotApp app, string name, DateOnly end, string owner = GrowthBotApp.Alice, bool bringsLeads = false)
    {
        var experiments = app.Service<ExperimentStore>();
        var e = await Experiment(app, name, owner: owner, bringsLeads: bringsLeads);
        await experiments.Start(e.TeamId, e.Id, end.AddDays(-7), end, GrowthBotApp.DefaultNow.AddDays(-10));
        return (await experiments.FindById(GrowthBotApp.TeamId, e.Id))!;
    }

    public static async Task<GrowthTask> Task(GrowthBotApp app, string title, string owner, DateOnly due, BlockReason? blocked = null)
    {
        var tasks = app.Service<TaskStore>();
        var task = await tasks.Add(new GrowthTask { TeamId = GrowthBotApp.TeamId, Title = title, OwnerId = owner, DueDate = due, CreatedBy = owner, CreatedAt = GrowthBotApp.DefaultNow.AddDays(-10) });
        if (blocked is { } reason) await tasks.Block(task.Id, GrowthBotApp.TeamId, reason, "need a seat", owner, LastThursday);
        return task;
    }
}
