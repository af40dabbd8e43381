using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Features.Experiments;

/// <summary>Puts experiments and key results straight into the stores, for journeys that start later in the loop.</summary>
public static class ExperimentSeeds
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(GrowthBotApp.DefaultNow.UtcDateTime);

    public static async Task<Experiment> Idea(this GrowthBotApp app, string name = "LinkedIn InMail to CMOs", string owner = GrowthBotApp.Alice,
        string createdBy = GrowthBotApp.Alice, string hypothesis = "CMOs of 100-person companies answer InMail", string team = GrowthBotApp.TeamId,
        long? keyResultId = null, DateOnly? start = null, DateOnly? end = null) =>
        await app.Service<ExperimentStore>().Add(new Experiment
        {
            TeamId = team, Name = name, Hypothesis = hypothesis, Stage = FunnelStage.Acquisition, Ice = new IceScore(8, 6, 7), Metric = "Leads",
            OwnerId = owner, CreatedBy = createdBy, CreatedAt = GrowthBotApp.DefaultNow, KeyResultId = keyResultId,
            StartDate = start ?? Today, EndDate = end ?? Today.AddDays(7),
        });

    public static async Task<Experiment> Running(this GrowthBotApp app, string name = "LinkedIn InMail to CMOs", string owner = GrowthBotApp.Alice, long? keyResultId = null)
    {
        var idea = await app.Idea(name, owner, createdBy: owner, keyResultId: keyResultId);
        await app.Service<ExperimentStore>().Start(idea.TeamId, idea.Id, Today, Today.AddDays(7), GrowthBotApp.DefaultNow);
        return (await app.Service<ExperimentStore>().FindById(GrowthBotApp.TeamId, idea.Id))!;
    }

    public static async Task<KeyResult> KeyResult(this GrowthBotApp app, string name = "New leads", decimal target = 100, string unit = "leads")
    {
        var snapshot = await app.Service<OkrStore>().SetObjective(GrowthBotApp.TeamId, "Grow revenue", "Q4",
            [new KeyResultDraft(name, 0, target, unit, GrowthBotApp.Alice)], GrowthBotApp.Lead, GrowthBotApp.DefaultNow);
        return snapshot.KeyResults[0];
    }

    public static async Task<Experiment> Reload(this GrowthBotApp app, Experiment e) =>
        (await app.Service<ExperimentStore>().FindById(e.TeamId, e.Id))!;
}
