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
            ExperimentStore.ConcludeIn(connection, transaction, experiment, new Conclusion(outcome, result, learning, decision), at));
        if (concluded) app.Service<IChangeFeed>().Changed(experiment.TeamId, experiment.OwnerId, experiment.CreatedBy);
        return concluded;
    }

    /// <summary>Every check-in of one key result, oldest first.</summary>
    public static async Task<IReadOnlyList<CheckIn>> CheckIns(this GrowthBotApp app, long keyResultId) =>
        (await app.Service<OkrStore>().CheckInsBetween(GrowthBotApp.TeamId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue))
            .Where(c => c.KeyResultId == keyResultId).ToList();
}
