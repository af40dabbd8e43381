using Dapper;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace GrowthBot.Tests.Storage;

/// <summary>
/// Migrations 009 and 010 on a database as 008 left it, holding the old shape: reports known only as deliveries and
/// report threads, lead feedback with repeated clicks and replies stored once per experiment, no leads flags.
/// </summary>
public class ReportMigrationTests
{
    [Fact]
    [SqliteOnly("upgrades a SQLite database made before migration 009; PostgreSQL support is new, so no PostgreSQL database holds reports of the old shape")]
    public async Task Old_reports_feedback_and_leads_move_forward_counting_once_and_losing_nothing()
    {
        await using var old = await OldDatabase.At(8);
        var database = old.Database;
        var path = old.Path;
        await using (var connection = await database.Open())
        {
            // Instants as the app stores them (Microsoft.Data.Sqlite's text form of a UTC DateTimeOffset).
            await connection.ExecuteAsync("""
                INSERT INTO team_settings (team_id, report_channel, lead_quality_users) VALUES ('T0TEAM', 'C0GROWTH', 'U0SALES,U0SALES2');
                INSERT INTO objectives (id, team_id, title, period, is_current, created_by, created_at) VALUES (1, 'T0TEAM', 'Grow', 'Q4', 1, 'U0LEAD', '2026-10-01 00:00:00+00:00');
                INSERT INTO key_results (id, team_id, number, objective_id, name, baseline, target, current, unit, owner_id, created_by, created_at)
                VALUES (1, 'T0TEAM', 1, 1, 'New leads', 0, 100, 26, 'leads', 'U0ALICE', 'U0LEAD', '2026-10-01 00:00:00+00:00'),
                       (2, 'T0TEAM', 2, 1, 'Churn', 8, 5, 8, '%', 'U0BOB', 'U0LEAD', '2026-10-01 00:00:00+00:00'),
                       (3, 'T0TEAM', 3, 1, 'Misleading signals removed', 0, 10, 2, 'signals', 'U0BOB', 'U0LEAD', '2026-10-01 00:00:00+00:00');
                INSERT INTO experiments (id, team_id, number, name, hypothesis, funnel_stage, key_result_id, metric, impact, confidence, ease, owner_id,
                    start_date, end_date, status, created_by, created_at, concluded_at, outcome, result, learning, decision)
                VALUES (1, 'T0TEAM', 1, 'InMail', 'CMOs answer', 'Acquisition', 1, 'Replies', 8, 6, 7, 'U0ALICE', '2026-10-26', '2026-11-02', 'Concluded', 'U0ALICE', '2026-10-20 00:00:00+00:00', '2026-11-04 10:00:00+00:00', 'Worked', 'one reply', 'ok', 'Scale'),
                       (2, 'T0TEAM', 2, 'Webinar', 'Partners', 'Acquisition', NULL, 'Sign-ups', 8, 6, 7, 'U0ALICE', '2026-10-26', '2026-11-02', 'Concluded', 'U0ALICE', '2026-10-20 00:00:00+00:00', '2026-11-05 10:00:00+00:00', 'Inconclusive', '3 Leads booked', 'ok', 'Iterate'),
                       (3, 'T0TEAM', 3, 'Chart', 'Charts help', 'Retention', 3, 'CTR', 5, 5, 5, 'U0BOB', '2026-10-26', '2026-11-02', 'Concluded', 'U0BOB', '2026-10-20 00:00:00+00:00', '2026-11-05 11:00:00+00:00', 'Worked', 'a misleading chart', 'ok', 'Stop'),
                       (4, 'T0TEAM', 4, 'Onboarding', 'Less churn', 'Retention', 2, 'Churn', 5, 5, 5, 'U0BOB', '2026-11-10', '2026-11-17', 'Running', 'U0BOB', '2026-11-09 00:00:00+00:00', NULL, NULL, NULL, NULL, NULL);
                -- Week 46's report with its ask, week 47's report without one.
                INSERT INTO deliveries (key, team_id, job, recipient, status, channel, ts, attempts, claimed_at, sent_at) VALUES
                    ('T0TEAM/weekly-report/2026-W46/C0GROWTH', 'T0TEAM', 'weekly-report', 'C0GROWTH', 'Sent', 'C0GROWTH', '1762678805.000100', 1, '2026-11-09 09:00:04+00:00', '2026-11-09 09:00:05.1234567+00:00'),
                    ('T0TEAM/weekly-report-ask/2026-W46/C0GROWTH', 'T0TEAM', 'weekly-report-ask', 'C0GROWTH', 'Sent', 'C0GROWTH', '1762678806.000200', 1, '2026-11-09 09:00:06+00:00', '2026-11-09 09:00:06+00:00'),
                    ('T0TEAM/weekly-report/2026-W47/C0GROWTH', 'T0TEAM', 'weekly-report', 'C0GROWTH', 'Sent', 'C0GROWTH', '1763283604.000100', 1, '2026-11-16 09:00:03+00:00', '2026-11-16 09:00:04+00:00');
                INSERT INTO report_threads (team_id, channel, thread_ts, week, experiment_ids, created_at)
                VALUES ('T0TEAM', 'C0GROWTH', '1762678805.000100', '2026-W46', '1,2', '2026-11-09 09:00:05+00:00');
                -- U0SALES clicked Good, then Poor, and chose a reason on a row of its own; U0SALES2 clicked once.
                -- A reply about both experiments was stored once per experiment; a reply naming E2 once.
                INSERT INTO lead_feedback (team_id, experiment_id, quality, reason, text, source, message_ts, created_by, created_at) VALUES
                    ('T0TEAM', 1, 'Good', NULL, '', 'Button', '1762678805.000100', 'U0SALES', '2026-11-09 10:00:00+00:00'),
                    ('T0TEAM', 1, 'Poor', NULL, '', 'Button', '1762678805.000100', 'U0SALES', '2026-11-09 11:00:00+00:00'),
                    ('T0TEAM', 1, NULL, 'NoBudget', '', 'Button', '1762678805.000100', 'U0SALES', '2026-11-09 11:05:00+00:00'),
                    ('T0TEAM', 2, 'Mixed', 'TooSmall', '', 'Button', '1762678805.000100', 'U0SALES2', '2026-11-10 09:00:00+00:00'),
                    ('T0TEAM', 1, NULL, NULL, 'Solid leads, both campaigns', 'ThreadReply', '1762700000.000100', 'U0SALES', '2026-11-09 12:00:00+00:00'),
                    ('T0TEAM', 2, NULL, NULL, 'Solid leads, both campaigns', 'ThreadReply', '1762700000.000100', 'U0SALES', '2026-11-09 12:00:00+00:00'),
                    ('T0TEAM', 2, NULL, NULL, 'E2 was great', 'ThreadReply', '1762700000.000200', 'U0SALES2', '2026-11-10 12:00:00+00:00');
                """);
        }

        await old.Upgrade();

        await using (var connection = await database.Open())
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('report_threads', 'lead_feedback')"));
            var reports = (await connection.QueryAsync<(long Id, string PeriodKey, string Start, string End, string Ts, string? AskTs, string Asked, string Users)>(
                "SELECT id, period_key, period_start, period_end, ts, ask_ts, asked_experiment_ids, asked_users FROM reports ORDER BY period_start")).ToList();
            Assert.Equal(
                [("2026-W46", "2026-11-02 00:00:00+00:00", "2026-11-09 00:00:00+00:00", "1762678805.000100", "1762678806.000200", "1,2", "U0SALES,U0SALES2"),
                 ("2026-W47", "2026-11-09 00:00:00+00:00", "2026-11-16 00:00:00+00:00", "1763283604.000100", null, "", "U0SALES,U0SALES2")],
                reports.Select(r => (r.PeriodKey, r.Start, r.End, r.Ts, r.AskTs, r.Asked, r.Users)));
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM reports WHERE finished_at IS NULL"));

            // One rating per person, experiment and thread: the latest quality, the latest reason, first given at the first click.
            Assert.Equal(
                [(reports[0].Id, 1L, "U0SALES", "Poor", "NoBudget", "2026-11-09 10:00:00+00:00", "2026-11-09 11:05:00+00:00"),
                 (reports[0].Id, 2L, "U0SALES2", "Mixed", "TooSmall", "2026-11-10 09:00:00+00:00", "2026-11-10 09:00:00+00:00")],
                await connection.QueryAsync<(long, long, string, string, string, string, string)>(
                    "SELECT report_id, experiment_id, rated_by, quality, reason, created_at, updated_at FROM lead_ratings ORDER BY experiment_id"));
            // Each reply once: about the whole report when it was stored for several experiments.
            Assert.Equal(
                [("Solid leads, both campaigns", (long?)null, true, reports[0].Id), ("E2 was great", 2L, true, reports[0].Id)],
                await connection.QueryAsync<(string, long?, bool, long)>("SELECT text, experiment_id, from_sales, report_id FROM thread_comments ORDER BY created_at"));

            // The English rule, carried over once: "New leads" counts leads; "Misleading" does not.
            Assert.Equal([1L, 0L, 0L], await connection.QueryAsync<long>("SELECT counts_leads FROM key_results ORDER BY id"));
            Assert.Equal([1L, 1L, 0L, 0L], await connection.QueryAsync<long>("SELECT brings_leads FROM experiments ORDER BY id"));
        }

        // The app on the migrated file: week 47's report counts as this week's, the next starts where it ended.
        SqliteConnection.ClearAllPools();
        var app = await GrowthBotApp.Start(database: TestDatabase.OnSqliteFile(path));
        app.KeepForRestart = true;
        try
        {
            var posts = app.Service<ScheduledPosts>();
            await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
            Assert.Empty(app.Slack.CallsTo("chat.postMessage"));
            Assert.Contains("Good 0 · Mixed 0 · Poor 1", (await app.Command("/experiment show E1")).Text);
            Assert.Contains("<@U0SALES2>: E2 was great", (await app.Command("/experiment show E2")).Text);

            app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
            await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
            var report = Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.AllText.Contains("Here's what happened"));
            Assert.Contains("Here's what happened in growth since Monday 16 Nov.", report.AllText);
        }
        finally
        {
            app.KeepForRestart = false;
            await app.DisposeAsync();
        }
    }
}
