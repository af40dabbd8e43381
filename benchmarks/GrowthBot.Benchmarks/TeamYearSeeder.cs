using System.Data.Common;
using GrowthBot.Storage;

namespace GrowthBot.Benchmarks;

/// <summary>
/// Fills a migrated GrowthBot database with a team's history, straight into the schema of
/// src/GrowthBot/Storage/Migrations: per year 52 weeks × 10 experiments × 8 tasks (some blocked, some
/// postponed), sales' lead feedback on a third of the concluded ones, 500 learnings (also in the search index), a quarterly objective with three key results and
/// a check-in on each every week, and the team's settings row. Deterministic (seeded Random), ending at <c>today</c>. The same
/// SQL for SQLite and PostgreSQL: dates and instants go in as <see cref="DateOnly"/> and <see cref="DateTimeOffset"/>, which each
/// driver stores as GrowthBot does.
/// </summary>
public static class TeamYearSeeder
{
    public const int WeeksPerYear = 52;
    public const int ExperimentsPerWeek = 10;
    public const int TasksPerExperiment = 8;
    public const int LearningsPerYear = 500;
    public const int KeyResultsPerObjective = 3;

    private static readonly string[] Stages = ["Acquisition", "Activation", "Retention", "Referral", "Revenue"];
    private static readonly string[] Outcomes = ["Worked", "DidNotWork", "Inconclusive"];
    private static readonly string[] Decisions = ["Scale", "Iterate", "Stop"];
    private static readonly string[] Kinds = ["Experiment", "Icp", "Channel", "Process"];
    private static readonly string[] BlockReasons = ["Skills", "Budget", "Access", "WaitingOnSomeone", "Other"];
    private static readonly string[] Confidences = ["OnTrack", "AtRisk", "OffTrack"];
    private static readonly string[] Qualities = ["Good", "Mixed", "Poor"];
    private static readonly string[] QualityReasons = ["WrongPersona", "NoBudget", "TooSmall", "NotReachable", "Other"];
    private static readonly string[] People = ["U0ALICE", "U0BOB", "U0CAROL", "U0DAVE", "U0ERIN", "U0LEAD"];

    /// <summary>Seeds <paramref name="years"/> team-years for <paramref name="teamId"/>; returns rows written.</summary>
    public static async Task<long> Seed(string connectionString, string teamId, int years, DateOnly today)
    {
        // string.GetHashCode differs per process; the data must not.
        var random = new Random(teamId.Aggregate(years, (seed, c) => seed * 31 + c));
        await using var database = new Database(connectionString);
        await using var connection = await database.Open();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = 0L;
        var weeks = WeeksPerYear * years;
        var firstMonday = today.AddDays(-(int)today.DayOfWeek + 1).AddDays(-7 * (weeks - 1));

        var insertObjective = Command(connection, transaction, "INSERT INTO objectives (team_id, title, period, is_current, created_by, created_at) VALUES (@team, @title, @period, @current, @by, @at) RETURNING id");
        var insertKeyResult = Command(connection, transaction, "INSERT INTO key_results (team_id, number, objective_id, name, baseline, target, current, unit, owner_id, confidence, created_by, created_at) VALUES (@team, @number, @objective, @name, 0, 100, @current, 'leads', @owner, @confidence, @by, @at) RETURNING id");
        var insertCheckIn = Command(connection, transaction, "INSERT INTO check_ins (team_id, key_result_id, value, previous_value, confidence, note, created_by, created_at) VALUES (@team, @kr, @value, @previous, @confidence, @note, @by, @at)");
        var insertExperiment = Command(connection, transaction, """
            INSERT INTO experiments (team_id, number, name, hypothesis, funnel_stage, key_result_id, metric, impact, confidence, ease,
                owner_id, start_date, end_date, status, created_by, created_at, started_at, concluded_at, outcome, result, learning, decision)
            VALUES (@team, @number, @name, @hypothesis, @stage, @kr, 'Leads', @impact, @confidence, @ease,
                @owner, @start, @end, @status, @by, @at, @started, @concluded, @outcome, @result, @learning, @decision)
            RETURNING id
            """);
        var insertTask = Command(connection, transaction, """
            INSERT INTO tasks (team_id, number, experiment_id, title, notes, owner_id, original_due_date, due_date, status, created_by, created_at, done_at, done_by)
            VALUES (@team, @number, @experiment, @title, '', @owner, @original, @due, @status, @by, @at, @doneAt, @doneBy)
            RETURNING id
            """);
        var insertBlock = Command(connection, transaction, "INSERT INTO task_blocks (team_id, task_id, reason, note, created_by, created_at, resolved_at, resolved_by) VALUES (@team, @task, @reason, 'waiting', @by, @at, @resolved, @resolvedBy)");
        var insertPostponement = Command(connection, transaction, "INSERT INTO task_postponements (team_id, task_id, from_date, to_date, reason, created_by, created_at) VALUES (@team, @task, @from, @to, 'ran out of time', @by, @at)");
        var insertLearning = Command(connection, transaction, "INSERT INTO learnings (team_id, number, kind, text, experiment_id, created_by, created_at) VALUES (@team, @number, @kind, @text, @experiment, @by, @at) RETURNING id");
        var insertRating = Command(connection, transaction, "INSERT INTO lead_ratings (team_id, experiment_id, rated_by, quality, reason, created_at, updated_at) VALUES (@team, @experiment, @by, @quality, @reason, @at, @at)");
        var insertComment = Command(connection, transaction, "INSERT INTO thread_comments (team_id, experiment_id, from_sales, text, created_by, created_at) VALUES (@team, @experiment, TRUE, @text, @by, @at)");
        var insertSearch = Command(connection, transaction, "INSERT INTO search_index (team_id, source, source_id, title, body) VALUES (@team, 'learning', @id, @title, @body)");

        var experimentNumber = 0;
        var taskNumber = 0;
        var keyResultNumber = 0;
        var learningNumber = 0;
        var keyResults = new List<long>();
        var experimentIds = new List<long>();
        for (var week = 0; week < weeks; week++)
        {
            var monday = firstMonday.AddDays(7 * week);
            var at = Instant(monday, 9);
            var lastWeeks = weeks - week;

            if (week % 13 == 0)
            {
                var objective = (long)Run(insertObjective, ("@team", teamId), ("@title", $"Grow qualified pipeline, quarter {week / 13 + 1}"),
                    ("@period", $"Q{week / 13 % 4 + 1}"), ("@current", lastWeeks <= 13), ("@by", "U0LEAD"), ("@at", at))!;
                rows++;
                keyResults.Clear();
                for (var k = 0; k < KeyResultsPerObjective; k++)
                {
                    keyResults.Add((long)Run(insertKeyResult, ("@team", teamId), ("@number", ++keyResultNumber), ("@objective", objective),
                        ("@name", $"Qualified leads from channel {k + 1}"), ("@current", random.Next(0, 100)), ("@owner", Pick(random, People)),
                        ("@confidence", Pick(random, Confidences)), ("@by", "U0LEAD"), ("@at", at))!);
                    rows++;
                }
            }
            foreach (var kr in keyResults)
            {
                Run(insertCheckIn, ("@team", teamId), ("@kr", kr), ("@value", week % 13 * 7.5), ("@previous", Math.Max(0, week % 13 - 1) * 7.5),
                    ("@confidence", Pick(random, Confidences)), ("@note", "Weekly check-in"), ("@by", Pick(random, People)), ("@at", Instant(monday.AddDays(4), 14)));
                rows++;
            }

            for (var e = 0; e < ExperimentsPerWeek; e++)
            {
                // The last two weeks' ideas are still in the backlog, the two before are running, the rest concluded.
                var status = lastWeeks <= 2 ? "Backlog" : lastWeeks <= 4 ? "Running" : "Concluded";
                var concluded = status == "Concluded";
                var experiment = (long)Run(insertExperiment, ("@team", teamId), ("@number", ++experimentNumber),
                    ("@name", $"Idea {experimentNumber}: {Pick(random, Stages)} push via channel {random.Next(1, 20)}"),
                    ("@hypothesis", $"If we try variant {random.Next(1000)} then leads grow, because similar teams saw it work. " + new string('x', random.Next(0, 200))),
                    ("@stage", Pick(random, Stages)), ("@kr", keyResults[e % keyResults.Count]),
                    ("@impact", random.Next(1, 11)), ("@confidence", random.Next(1, 11)), ("@ease", random.Next(1, 11)),
                    ("@owner", Pick(random, People)), ("@start", monday), ("@end", monday.AddDays(14)), ("@status", status),
                    ("@by", Pick(random, People)), ("@at", at), ("@started", status == "Backlog" ? null : Instant(monday, 10)),
                    ("@concluded", concluded ? Instant(monday.AddDays(14), 16) : null), ("@outcome", concluded ? Pick(random, Outcomes) : null),
                    ("@result", concluded ? $"{random.Next(0, 80)} leads" : null), ("@learning", concluded ? "What we learned, in one line." : null),
                    ("@decision", concluded ? Pick(random, Decisions) : null))!;
                experimentIds.Add(experiment);
                rows++;
                if (concluded && random.Next(3) == 0)
                {
                    // Sales answered the report's thread: a button click or a free-text reply.
                    if (random.Next(2) == 0)
                        Run(insertRating, ("@team", teamId), ("@experiment", experiment), ("@quality", Pick(random, Qualities)),
                            ("@reason", Pick(random, QualityReasons)), ("@by", "U0SALES"), ("@at", Instant(monday.AddDays(15), 10)));
                    else
                        Run(insertComment, ("@team", teamId), ("@experiment", experiment), ("@text", "Two of them booked a demo"),
                            ("@by", "U0SALES"), ("@at", Instant(monday.AddDays(15), 10)));
                    rows++;
                }

                for (var t = 0; t < TasksPerExperiment; t++)
                {
                    var due = monday.AddDays(t % 5 + 1);
                    var done = lastWeeks > 2 || random.Next(3) == 0;
                    var postponed = random.Next(10) == 0;
                    var task = (long)Run(insertTask, ("@team", teamId), ("@number", ++taskNumber), ("@experiment", experiment),
                        ("@title", $"Step {t + 1} of idea {experimentNumber}"), ("@owner", Pick(random, People)),
                        ("@original", due), ("@due", postponed ? due.AddDays(3) : due), ("@status", done ? "Done" : "Open"),
                        ("@by", Pick(random, People)), ("@at", at), ("@doneAt", done ? Instant(due, 15) : null), ("@doneBy", done ? Pick(random, People) : null))!;
                    rows++;
                    if (random.Next(10) == 0)
                    {
                        Run(insertBlock, ("@team", teamId), ("@task", task), ("@reason", Pick(random, BlockReasons)), ("@by", Pick(random, People)),
                            ("@at", Instant(due.AddDays(-1), 11)), ("@resolved", done ? Instant(due, 11) : null), ("@resolvedBy", done ? "U0LEAD" : null));
                        rows++;
                    }
                    if (postponed)
                    {
                        Run(insertPostponement, ("@team", teamId), ("@task", task), ("@from", due), ("@to", due.AddDays(3)),
                            ("@by", Pick(random, People)), ("@at", Instant(due, 17)));
                        rows++;
                    }
                }
            }

            // 500 learnings a year, spread over its weeks.
            var learningsDue = (week + 1) * LearningsPerYear / WeeksPerYear - week * LearningsPerYear / WeeksPerYear;
            for (var l = 0; l < learningsDue; l++)
            {
                var text = $"Learning {learningNumber + 1}: CMOs answer InMail on Tuesdays; channel {random.Next(1, 20)} converts {random.Next(1, 9)}x better";
                var id = (long)Run(insertLearning, ("@team", teamId), ("@number", ++learningNumber), ("@kind", Pick(random, Kinds)), ("@text", text),
                    ("@experiment", experimentIds[random.Next(experimentIds.Count)]), ("@by", Pick(random, People)), ("@at", Instant(monday.AddDays(l % 5), 12)))!;
                Run(insertSearch, ("@team", teamId), ("@id", id), ("@title", $"Learning {learningNumber}"), ("@body", text));
                rows += 2;
            }
        }
        // /growth settings (migration 005): OKR progress inside the report, so the report build renders it too.
        Run(Command(connection, transaction, """
            INSERT INTO team_settings (team_id, okr_progress_in_report, nudges_enabled) VALUES (@team, TRUE, TRUE)
            ON CONFLICT (team_id) DO UPDATE SET okr_progress_in_report = TRUE, nudges_enabled = TRUE
            """), ("@team", teamId));
        rows++;
        await transaction.CommitAsync();
        return rows;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static object? Run(DbCommand command, params (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command.ExecuteScalar();
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static DateTimeOffset Instant(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
