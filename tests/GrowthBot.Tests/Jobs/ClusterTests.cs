using Dapper;
using GrowthBot.Domain.Tasks;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrowthBot.Tests.Jobs;

/// <summary>
/// Several GrowthBot instances on one PostgreSQL, as a deployment behind a load balancer runs them: Quartz's clustered
/// store shares the triggers, the deliveries table makes each post once, and when an instance dies the others finish
/// its work.
/// </summary>
public class ClusterTests
{
    private const string SecondTeam = "T0SECOND";
    private const string SecondChannel = "C0SECOND";
    private const string Carol = "U0CAROL";

    /// <summary>Wednesday 11:00 UTC: Monday's report is overdue (the catch-up makes it), and it is nudge time.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 11, 0, 0, TimeSpan.Zero);

    [PostgresFact]
    public async Task Three_instances_post_each_report_and_nudge_once_though_one_is_killed_in_the_middle_of_a_post()
    {
        await using var slack = await FakeSlack.Start();
        await using var database = await TestDatabase.Create(DatabaseKind.Postgres);
        var clock = ClusterNode.Clock(Now);
        slack.Clock = clock;
        await SeedTwoTeams(database);
        string[] expected =
        [
            // A report is named by the slot it was due at, which follows the running clock here: any one slot, once per team.
            $"{GrowthBotApp.TeamId}/weekly-report/slot-*/{GrowthBotApp.GrowthChannel}", $"{SecondTeam}/weekly-report/slot-*/{SecondChannel}",
            $"{GrowthBotApp.TeamId}/task-nudge/2026-11-18/{GrowthBotApp.Alice}", $"{GrowthBotApp.TeamId}/task-nudge/2026-11-18/{GrowthBotApp.Bob}",
            $"{SecondTeam}/task-nudge/2026-11-18/{Carol}",
        ];
        // The first post any instance makes gets no answer: that instance is killed while it waits for Slack.
        slack.Script("chat.postMessage", FakeResponse.Hangs(TimeSpan.FromMinutes(5)));

        var nodes = new[] { "n1", "n2", "n3" }.Select(name => ClusterNode.Start(name, clock, NodeConfiguration(slack, database, name))).ToList();
        try
        {
            // Killed the moment its post is in Slack, perhaps before the others have finished starting.
            var hung = await Held(slack);
            var victim = nodes.Single(n => n.Name == hung.Caller);
            await victim.Kill();
            var survivors = nodes.Where(n => n != victim).ToList();
            await Task.WhenAll(survivors.Select(n => n.WaitStarted(TimeSpan.FromSeconds(90))));

            // Ten minutes pass for the dead instance's claims: its survivors retake them after the usual timeout.
            await Quiet(slack, database);
            await using (var db = await database.Open())
                await db.ExecuteAsync("UPDATE deliveries SET claimed_at = claimed_at - INTERVAL '11 minutes' WHERE status = 'Pending'");

            await AllSent(database, expected, nodes);
            // Several more catch-up and nudge rounds on the survivors change nothing.
            await Task.Delay(TimeSpan.FromSeconds(6));

            var posts = slack.CallsTo("chat.postMessage");
            foreach (var key in expected) Assert.Single(posts, p => Matches(key, p.DeliveryKey));
            Assert.Equal(posts.Count, posts.Select(p => p.DeliveryKey).Distinct().Count());
            await using var check = await database.Open();
            // The post the dead instance made landed, and a survivor recorded it from the conversation, not by posting again.
            var landed = slack.Messages(hung.Str("channel")!).Single(m => m["metadata"]?["event_payload"]?["key"]?.ToString() == hung.DeliveryKey);
            Assert.Equal(landed["ts"]!.ToString(), await check.ExecuteScalarAsync<string>("SELECT ts FROM deliveries WHERE key = @key AND status = 'Sent'", new { key = hung.DeliveryKey }));
            // The survivors are one clustered scheduler, each with its own id; the dead instance has left it.
            var healths = await Task.WhenAll(survivors.Select(n => n.Health));
            Assert.All(healths, h => Assert.True(h["checks"]!["scheduler"]!["clustered"]!.GetValue<bool>()));
            Assert.Equal(2, healths.Select(h => h["checks"]!["scheduler"]!["instance"]!.ToString()).Distinct().Count());
            Assert.All(healths, h => Assert.Equal("PostgreSQL", h["checks"]!["database"]!["engine"]!.ToString()));
            await Eventually(async () => await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_scheduler_state") == survivors.Count,
                "the cluster still counts the dead instance");
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>Whether a delivery key fits an expected one, where <c>*</c> stands for one part of the key.</summary>
    private static bool Matches(string expected, string? key) =>
        key is not null && System.Text.RegularExpressions.Regex.IsMatch(key, "^" + System.Text.RegularExpressions.Regex.Escape(expected).Replace(@"\*", "[^/]+") + "$");

    private static async Task Eventually(Func<Task<bool>> condition, string otherwise)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(otherwise);
            await Task.Delay(250);
        }
    }

    private static async Task<SlackCall> Held(FakeSlack slack)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (slack.Held.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        return slack.Held.FirstOrDefault() ?? throw new TimeoutException("No instance posted anything");
    }

    private static Dictionary<string, string?> NodeConfiguration(FakeSlack slack, TestDatabase database, string name)
    {
        var configuration = GrowthBotApp.Configuration(slack.ApiBaseUrlFor(name), slack.BotToken, database.ConnectionString);
        configuration["GrowthBot:Schedule:Enabled"] = "true";
        configuration["GrowthBot:Schedule:WeeklyReport"] = "0/2 * * * * ?";
        configuration["GrowthBot:Schedule:TaskNudges"] = "0/2 * * * * ?";
        configuration["GrowthBot:Schedule:CatchUp"] = "1/2 * * * * ?";
        return configuration;
    }

    /// <summary>Two teams: each gets a report in its channel; Alice and Bob of one and Carol of the other have overdue tasks.</summary>
    private static async Task SeedTwoTeams(TestDatabase database)
    {
        await using var app = database.Database();
        await new Migrator(app, TimeProvider.System, NullLogger<Migrator>.Instance).Migrate();
        await new TeamSettingsStore(app).Save(new SavedTeamSettings { TeamId = SecondTeam, ReportChannel = SecondChannel, UpdatedBy = Carol, UpdatedAt = Now });
        var tasks = new TaskStore(app, new ChangeFeed([], NullLogger<ChangeFeed>.Instance));
        foreach (var (team, owner) in new[] { (GrowthBotApp.TeamId, GrowthBotApp.Alice), (GrowthBotApp.TeamId, GrowthBotApp.Alice), (GrowthBotApp.TeamId, GrowthBotApp.Bob), (SecondTeam, Carol) })
            await tasks.Add(new GrowthTask
            {
                TeamId = team, Title = $"Follow up with {owner}'s leads", OwnerId = owner, DueDate = new DateOnly(2026, 11, 16), CreatedBy = owner, CreatedAt = Now.AddDays(-7),
            });
    }

    /// <summary>Waits until nothing moves for three seconds: the survivors have made what they could, and only the dead instance's claims are pending.</summary>
    private static async Task Quiet(FakeSlack slack, TestDatabase database)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = "";
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await database.Open();
            var state = string.Join(",", await db.QueryAsync<string>("SELECT key || ':' || status FROM deliveries ORDER BY key")) + "#" + slack.CallsTo("chat.postMessage").Count;
            if (state != last) (last, stableSince) = (state, DateTime.UtcNow);
            else if (DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(3)) return;
            await Task.Delay(250);
        }
        throw new TimeoutException("The surviving instances never went quiet");
    }

    private static async Task AllSent(TestDatabase database, IReadOnlyList<string> keys, IReadOnlyList<ClusterNode> nodes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await database.Open();
            var sent = (await db.QueryAsync<string>("SELECT key FROM deliveries WHERE status = 'Sent'")).ToHashSet();
            if (keys.All(k => sent.Any(s => Matches(k, s)))) return;
            await Task.Delay(250);
        }
        throw new TimeoutException("Not every post was made:\n" + string.Join("\n---\n", nodes.Select(n => $"{n.Name}:\n{n.RecentOutput}")));
    }
}
