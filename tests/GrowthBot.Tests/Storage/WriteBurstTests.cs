using Dapper;
using GrowthBot.Domain.Experiments;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Storage;

/// <summary>
/// Writes share the database with each other and with the scheduler (on SQLite, one file with one writer): a whole
/// team saving at once while the Monday report goes out locks nobody out, loses nothing and posts nothing twice.
/// </summary>
public class WriteBurstTests
{
    [Fact]
    public async Task A_scheduled_report_during_a_burst_of_saves_locks_no_request_out_and_is_posted_once()
    {
        // The scheduler on, as deployed (Quartz keeps its triggers in the same database), a few seconds before the Monday
        // report is due; the first report ever, so nothing earlier is caught up.
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Schedule:Enabled"] = "true" },
            now: new DateTimeOffset(2026, 11, 16, 8, 59, 57, TimeSpan.Zero));
        await app.Idle();
        await Seed.Okr(app);
        await Seed.Concluded(app, "Cold calls", Outcome.DidNotWork, "Nobody picked up");
        await app.Command("/experiment new");
        var modal = app.Slack.Last("views.open");
        const int saves = 120;
        var forms = Enumerable.Range(0, saves).Select(i => ViewSubmission.Of(modal)
            .Text(B.Name, $"Idea {i}").Text(B.Hypothesis, $"Idea {i} brings demo requests from CMOs")
            .Select(B.Stage, "Acquisition").Number(B.Impact, "7").Number(B.Confidence, "6").Number(B.Ease, "5")).ToList();
        var firings = await Firings.Watch(app);
        Assert.DoesNotContain(app.Slack.CallsTo("chat.postMessage"), c => c.AllText.Contains("Here's what happened"));

        // Twenty people clicking Save over and over; meanwhile 09:00 comes, Quartz fires the report through its job store
        // (its own transactions on the same database), and the report goes out.
        var next = -1;
        var replies = new List<SlackReply>[20];
        var people = Enumerable.Range(0, replies.Length).Select(p => Task.Run(async () =>
        {
            replies[p] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < saves) replies[p].Add(await app.Submit(forms[i]));
        })).ToList();
        app.Time.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(people);
        await firings.WaitFor(Schedule.WeeklyReport, new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));
        await app.Idle();

        // Every save was acknowledged as Slack expects (an empty 200, no error, no timeout) and stored once, numbered in order.
        Assert.All(replies.SelectMany(r => r), reply => Assert.True(reply.IsEmptyAck, reply.Raw));
        await using var db = await app.Db();
        var stored = (await db.QueryAsync<(string Name, long Number)>(
            "SELECT name, number FROM experiments WHERE team_id = @TeamId AND name LIKE 'Idea %' ORDER BY number", new { TeamId = GrowthBotApp.TeamId })).ToList();
        Assert.Equal(Enumerable.Range(0, saves).Select(i => $"Idea {i}").Order(), stored.Select(s => s.Name).Order());
        Assert.Equal(Enumerable.Range(2, saves).Select(n => (long)n), stored.Select(s => s.Number));
        // Each saver heard back with their experiment's id.
        Assert.Equal(saves, app.Slack.CallsTo("response_url").Count(c => c.AllText.Contains("ICE = (7 + 6 + 5) ÷ 3 = 6")));

        // The report went out exactly once, and its delivery is recorded as sent.
        Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("thread_ts") is null && c.AllText.Contains("Here's what happened"));
        Assert.Equal("Sent", await db.ExecuteScalarAsync<string>("SELECT status FROM deliveries WHERE job = 'weekly-report'"));
    }

    [Fact]
    public async Task A_failing_write_among_queued_writes_fails_alone()
    {
        await using var app = await GrowthBotApp.Start();
        var database = app.Service<Database>();
        var writes = Enumerable.Range(0, 30).Select(i => database.InTransaction(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("INSERT INTO nudge_pauses (team_id, user_id, until_date, created_at) VALUES (@team, @user, '2026-12-01', '2026-11-18 10:00:00+00:00')",
                new { team = "T0BURST", user = $"U{i}" }, transaction);
            if (i % 7 == 3) throw new InvalidOperationException($"write {i} refuses");
            return i;
        })).ToList();

        foreach (var (write, i) in writes.Select((w, i) => (w, i)))
        {
            if (i % 7 == 3) Assert.Equal($"write {i} refuses", (await Assert.ThrowsAsync<InvalidOperationException>(() => write)).Message);
            else Assert.Equal(i, await write);
        }
        await using var db = await app.Db();
        var users = (await db.QueryAsync<string>("SELECT user_id FROM nudge_pauses WHERE team_id = 'T0BURST'")).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 7 != 3).Select(i => $"U{i}").ToHashSet(), users);
    }
}
