using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;
using GrowthBot.Storage;

namespace GrowthBot.Tests.Fixtures;

/// <summary>Test data and reads the app itself never needs, composed from the stores' own pieces.</summary>
public static class StoreSeeds
{
    /// <summary>
    /// Concludes a backlog or running experiment as past data: its outcome, result, learning and decision only,
    /// without the learning record and check-in the Conclude modal adds (tests of that journey go through the modal).
    /// </summary>
    public static async Task<bool> Conclude(this GrowthBotApp app, Experiment experiment, Outcome outcome, string result, string learning, Decision decision, DateTimeOffset at)
    {
        var concluded = await app.Service<Database>().InTransaction((connection, transaction) =>
            ExperimentStore.ConcludeIn(connection, transaction, experiment,
                new Conclusion(outcome, result, learning, decision) { BringsLeads = experiment.BringsLeads }, at));
        if (concluded) app.Service<IChangeFeed>().Changed(experiment.TeamId, experiment.OwnerId, experiment.CreatedBy);
        return concluded;
    }

    /// <summary>Every check-in of one key result, oldest first.</summary>
    public static Task<IReadOnlyList<CheckIn>> CheckIns(this GrowthBotApp app, long keyResultId) =>
        app.Service<OkrStore>().CheckInsOf(GrowthBotApp.TeamId, keyResultId);
}

/// <summary>Reports and what was said in their threads, written through the real stores.</summary>
public static class ReportSeeds
{
    /// <summary>A report of the team reserved (as <c>/growth report now</c> does) and posted at <paramref name="at"/>, asking about <paramref name="asked"/>.</summary>
    public static async Task<ReportEntry> PostedReport(this GrowthBotApp app, DateTimeOffset at, params Experiment[] asked)
    {
        var reports = app.Service<ReportStore>();
        var (report, _) = await reports.ReserveOnDemand(GrowthBotApp.TeamId, at, TimeSpan.Zero);
        var ts = $"{at.ToUnixTimeSeconds()}.000100";
        await reports.MarkPosted(report, GrowthBotApp.GrowthChannel, ts, at);
        await reports.SetAsked(report, asked.Select(e => e.Id).ToList(), ["U0SALES"], null);
        await reports.MarkFinished(report, at);
        return (await reports.Find(GrowthBotApp.TeamId, report.Id))!;
    }
}
