using System.Data;
using System.Data.Common;
using System.Text;
using Dapper;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Reports;

namespace GrowthBot.Storage;

/// <summary>Experiments of a team. Short ids (E1, E2, …) are numbered per team, in order of creation.</summary>
public sealed class ExperimentStore(Database database, IChangeFeed changes)
{
    private const string Columns = """
        id, team_id, number, name, hypothesis, funnel_stage, key_result_id, metric, brings_leads, impact, confidence, ease,
        owner_id, start_date, end_date, status, created_by, created_at, started_at, concluded_at,
        outcome, result, learning, decision, next_step, budget_cents, spent_cents, results, result_unit
        """;

    /// <summary>Stores a new experiment and gives it the team's next number.</summary>
    public async Task<Experiment> Add(Experiment experiment, CancellationToken cancellationToken = default)
    {
        // Numbering and insert in one statement, under the team's numbering lock: two people saving at once never share an id.
        var row = await database.InTransaction(async (connection, transaction) =>
        {
            await database.Dialect.LockTeamNumbers(connection, transaction, "experiments", experiment.TeamId);
            return await connection.QuerySingleAsync<(long Id, long Number)>("""
                INSERT INTO experiments (team_id, number, name, hypothesis, funnel_stage, key_result_id, metric, brings_leads,
                    impact, confidence, ease, owner_id, start_date, end_date, status, created_by, created_at, budget_cents, result_unit)
                SELECT @TeamId, COALESCE(MAX(number), 0) + 1, @Name, @Hypothesis, @Stage, @KeyResultId, @Metric, @BringsLeads,
                    @Impact, @Confidence, @Ease, @OwnerId, @StartDate, @EndDate, @Status, @CreatedBy, @CreatedAt, @BudgetCents, @ResultUnit
                FROM experiments WHERE team_id = @TeamId
                RETURNING id, number
                """, Parameters(experiment), transaction);
        }, cancellationToken);
        changes.Changed(experiment.TeamId, experiment.OwnerId, experiment.CreatedBy);
        return experiment with { Id = row.Id, Number = (int)row.Number };
    }

    public async Task<Experiment?> Find(string teamId, int number, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await Read(connection, new CommandDefinition(
            $"SELECT {Columns} FROM experiments WHERE team_id = @teamId AND number = @number", new { teamId, number }, cancellationToken: cancellationToken))).SingleOrDefault();
    }

    /// <summary>The team's experiments with any of <paramref name="statuses"/>.</summary>
    public async Task<IReadOnlyList<Experiment>> List(string teamId, IReadOnlyCollection<ExperimentStatus> statuses, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        // Ordered here: "ORDER BY number" made SQLite walk the team's whole history on the (team_id, number) index, to
        // save sorting, rather than take the few open ones from the (team_id, status) index.
        var rows = await Read(connection, new CommandDefinition(
            $"SELECT {Columns} FROM experiments WHERE team_id = @teamId AND status {database.Dialect.InList("statuses")}",
            new { teamId, statuses = statuses.Select(s => s.ToString()).ToArray() }, cancellationToken: cancellationToken));
        rows.Sort((a, b) => a.Number.CompareTo(b.Number));
        return rows;
    }

    public async Task<Experiment?> FindById(string teamId, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await Read(connection, new CommandDefinition(
            $"SELECT {Columns} FROM experiments WHERE team_id = @teamId AND id = @id", new { teamId, id }, cancellationToken: cancellationToken))).SingleOrDefault();
    }

    /// <summary>Every experiment of the team, whatever its status (for similarity, win rate, export).</summary>
    public async Task<IReadOnlyList<Experiment>> All(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await Read(connection, new CommandDefinition($"SELECT {Columns} FROM experiments WHERE team_id = @teamId ORDER BY number", new { teamId },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// What the weekly report and the App Home read of a team's history: every running experiment, the
    /// <see cref="BestBacklog"/> backlog ideas with the best ICE, every one concluded or abandoned since
    /// <paramref name="since"/>, and <paramref name="alsoIds"/> (those feedback names), in number order; with counts over
    /// the whole history (win rate up to <paramref name="now"/>, the backlog by stage) made by the database. Ten team-years
    /// used to mean mapping 5,200 rows per build, and a big backlog every idea in it; this maps the few dozen shown
    /// (migration 023 indexes the lookups).
    /// </summary>
    public async Task<(IReadOnlyList<Experiment> Experiments, ExperimentTotals Totals)> Recent(string teamId, DateTimeOffset since,
        IReadOnlyCollection<long> alsoIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var ids = alsoIds.Distinct().ToArray();
        // Each part on its own index range (ix_experiments_team_history), put together and ordered here: one ORDER BY over
        // a UNION made SQLite walk the whole team in number order instead.
        var rows = await Read(connection, new CommandDefinition($"""
            SELECT {Columns} FROM experiments WHERE team_id = @teamId AND status = 'Running'
            UNION ALL
            SELECT * FROM (SELECT {Columns} FROM experiments WHERE team_id = @teamId AND status = 'Backlog'
                           ORDER BY impact + confidence + ease DESC, number LIMIT @best) best
            UNION ALL
            SELECT {Columns} FROM experiments WHERE team_id = @teamId AND status IN ('Concluded', 'Abandoned') AND concluded_at >= @since
            {(ids.Length == 0 ? "" : $"UNION ALL SELECT {Columns} FROM experiments WHERE id {database.Dialect.InList("ids")}")}
            """, new { teamId, since, ids, best = BestBacklog }, cancellationToken: cancellationToken));
        // The named ids are looked up by id alone and their team checked here: "team_id = @teamId AND id IN (…)" made
        // SQLite walk the team's whole history on a team index instead of looking the few ids up.
        rows.RemoveAll(e => e.TeamId != teamId);
        var outcomes = (await connection.QueryAsync<(string Outcome, long Count)>(new CommandDefinition("""
            SELECT outcome, COUNT(*) FROM experiments
            WHERE team_id = @teamId AND status = 'Concluded' AND concluded_at <= @now AND outcome IS NOT NULL
            GROUP BY outcome
            """, new { teamId, now }, cancellationToken: cancellationToken))).ToList();
        var any = rows.Count > 0 || await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM experiments WHERE team_id = @teamId)", new { teamId }, cancellationToken: cancellationToken));
        var winRate = new WinRate((int)outcomes.Where(o => o.Outcome == nameof(Outcome.Worked)).Sum(o => o.Count), (int)outcomes.Sum(o => o.Count));
        var backlog = (await connection.QueryAsync<(string Stage, long Count)>(new CommandDefinition(
            "SELECT funnel_stage, COUNT(*) FROM experiments WHERE team_id = @teamId AND status = 'Backlog' GROUP BY funnel_stage",
            new { teamId }, cancellationToken: cancellationToken))).ToDictionary(s => Enum.Parse<FunnelStage>(s.Stage), s => (int)s.Count);
        return (rows.DistinctBy(e => e.Id).OrderBy(e => e.Number).ToList(), new ExperimentTotals(any, winRate, ExperimentRates.FunnelSpread(backlog)));
    }

    /// <summary>
    /// The backlog ideas <see cref="Recent"/> reads whole: the report's "Next up" (best ICE first); the rest of the backlog
    /// is only counted. ICE is the mean of three whole numbers, so ordering by their sum orders by the rounded score too.
    /// </summary>
    public const int BestBacklog = WeeklyReportBuilder.NextUpCount;

    /// <summary>When and how each of the team's experiments concluded since <paramref name="since"/> ended (the scoreboard), from the index alone.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset ConcludedAt, Outcome Outcome)>> ConclusionsSince(string teamId, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<ConclusionRow>(new CommandDefinition("""
            SELECT concluded_at, outcome FROM experiments
            WHERE team_id = @teamId AND status = 'Concluded' AND concluded_at >= @since AND outcome IS NOT NULL
            """, new { teamId, since }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.ConcludedAt, Enum.Parse<Outcome>(r.Outcome))).ToList();
    }

    private sealed class ConclusionRow
    {
        public DateTimeOffset ConcludedAt { get; init; }
        public string Outcome { get; init; } = "";
    }

    /// <summary>
    /// How many of a team's experiments may hold a stem before "tested before?" stops counting them and searching by it:
    /// a word a team has written in more experiments than this cannot pick out the few it tested before, and counting or
    /// ranking every experiment that holds it was most of a save burst's CPU (README "Performance").
    /// </summary>
    public const int CommonStem = 64;

    /// <summary>How many candidates "tested before?" compares closely.</summary>
    public const int SimilarCandidateLimit = 20;

    /// <summary>
    /// The candidates "tested before?" compares closely (<see cref="ExperimentSimilarity.FindSimilar"/>): the team's
    /// experiments sharing the most and rarest of <paramref name="stems"/>, best first, from the search index (every
    /// experiment is in it), and how rare each stem is in the team. Bounded however long the history: a stem held by more
    /// than <see cref="CommonStem"/> experiments is counted only that far and not searched by.
    /// </summary>
    public async Task<(IReadOnlyList<Experiment> Candidates, StemRarity Rarity)> SimilarCandidates(string teamId, long excludeId,
        IReadOnlyList<string> stems, int limit = SimilarCandidateLimit, CancellationToken cancellationToken = default)
    {
        stems = stems.Take(MaxSimilarStems).ToList();
        var dialect = database.Dialect;
        await using var connection = await database.Open(cancellationToken);

        // One round trip: the team's size, and per stem how many of its experiments hold it, each count stopping at CommonStem + 1.
        var sql = new StringBuilder("SELECT -1 AS stem, COUNT(*) AS holding FROM experiments WHERE team_id = @teamId");
        var parameters = new DynamicParameters(new { teamId, source = SearchHit.ExperimentSource, excludeId, limit, common = CommonStem + 1 });
        for (var i = 0; i < stems.Count; i++)
        {
            sql.Append($"""

                UNION ALL SELECT {i}, COUNT(*) FROM (
                    SELECT 1 AS one FROM search_index WHERE {dialect.TextMatches($"stem{i}")} AND source = @source AND team_id = @teamId LIMIT @common) AS held{i}
                """);
            parameters.Add($"stem{i}", dialect.TextQuery([stems[i]]));
        }
        var counts = (await connection.QueryAsync<(long Stem, long Holding)>(new CommandDefinition(sql.ToString(), parameters,
            cancellationToken: cancellationToken))).ToDictionary(c => (int)c.Stem, c => (int)c.Holding);
        var experiments = counts.GetValueOrDefault(-1);
        var holding = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < stems.Count; i++)
            holding[stems[i]] = counts.GetValueOrDefault(i) > CommonStem ? experiments : counts.GetValueOrDefault(i);
        var rarity = new StemRarity(experiments, holding);

        var searched = stems.Where(s => holding[s] is > 0 and <= CommonStem).ToList();
        if (searched.Count == 0) return ([], rarity);
        parameters.Add("query", dialect.TextQuery(searched));
        var candidates = await Read(connection, new CommandDefinition($"""
            SELECT {Columns} FROM experiments
            WHERE team_id = @teamId AND id IN (
                SELECT source_id FROM search_index
                WHERE {dialect.TextMatches()} AND source = @source AND team_id = @teamId AND source_id <> @excludeId
                ORDER BY {dialect.TextRank()} LIMIT @limit)
            """, parameters, cancellationToken: cancellationToken));
        return (candidates, rarity);
    }

    /// <summary>How many stems of a new experiment "tested before?" counts and searches by.</summary>
    private const int MaxSimilarStems = 24;

    /// <summary>Moves a backlog idea to running; false when it was not in the team's backlog.</summary>
    public async Task<bool> Start(string teamId, long id, DateOnly startDate, DateOnly endDate, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await Notify(connection, teamId, id, await connection.ExecuteAsync("""
            UPDATE experiments SET status = 'Running', start_date = @startDate, end_date = @endDate, started_at = @now, updated_at = @now
            WHERE team_id = @teamId AND id = @id AND status = 'Backlog'
            """, new { teamId, id, startDate, endDate, now }) > 0);
    }

    /// <summary>
    /// Concludes a running experiment, keeps what was learned as a learning of the experiment and, when given,
    /// checks in the key result's new value: all in one transaction, so a failure leaves nothing half-written.
    /// Null when the experiment was no longer running (someone concluded or abandoned it meanwhile).
    /// </summary>
    public async Task<Learning?> Conclude(Experiment experiment, Conclusion conclusion, KeyResultUpdate? keyResult, string userId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var learning = await database.InTransaction(async (connection, transaction) =>
        {
            if (!await ConcludeIn(connection, transaction, experiment, conclusion, now, onlyRunning: true)) return null;
            var learning = await LearningStore.Insert(database.Dialect, connection, transaction, new Learning
            {
                TeamId = experiment.TeamId, Kind = LearningKind.Experiment, Text = conclusion.Learning, ExperimentId = experiment.Id,
                CreatedBy = userId, CreatedAt = now,
            });
            if (conclusion.Spent is not null || conclusion.Results is not null)
                await RecordSpendIn(connection, transaction, experiment.TeamId, experiment.Id, conclusion.Spent ?? experiment.Spent,
                    conclusion.Results ?? experiment.Results, userId, now);
            if (keyResult is not null)
                await OkrStore.InsertCheckIn(database.Dialect, connection, transaction, experiment.TeamId, keyResult.KeyResultId, keyResult.Value, keyResult.Confidence,
                    $"Concluding {experiment.ShortId}: {conclusion.Result}", userId, now);
            return learning;
        }, cancellationToken);
        if (learning is not null) changes.Changed(experiment.TeamId, experiment.OwnerId, experiment.CreatedBy, userId);
        return learning;
    }

    /// <summary>Marks the experiment concluded inside a caller's transaction; false when it was not open (or not running).</summary>
    internal static async Task<bool> ConcludeIn(DbConnection connection, IDbTransaction transaction, Experiment experiment, Conclusion conclusion,
        DateTimeOffset now, bool onlyRunning = false)
    {
        var changed = await connection.ExecuteAsync($"""
            UPDATE experiments SET status = 'Concluded', outcome = @outcome, result = @result, learning = @learning, decision = @decision,
                next_step = @nextStep, brings_leads = @bringsLeads, concluded_at = @now, updated_at = @now
            WHERE team_id = @TeamId AND id = @Id AND status IN ({(onlyRunning ? "'Running'" : "'Backlog', 'Running'")})
            """, new
        {
            experiment.TeamId, experiment.Id, outcome = conclusion.Outcome.ToString(), result = conclusion.Result, learning = conclusion.Learning,
            decision = conclusion.Decision.ToString(), nextStep = conclusion.NextStep, bringsLeads = conclusion.BringsLeads, now,
        }, transaction);
        return changed > 0;
    }

    /// <summary>
    /// Records the experiment's total spend so far (and its results, when counted) at <paramref name="now"/>, keeping the
    /// earlier totals as history; false when it is not the team's.
    /// </summary>
    public async Task<bool> RecordSpend(string teamId, long experimentId, decimal spent, int? results, string userId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var recorded = await database.InTransaction(
            (connection, transaction) => RecordSpendIn(connection, transaction, teamId, experimentId, spent, results, userId, now), cancellationToken);
        if (recorded) await Notify(teamId, experimentId, cancellationToken);
        return recorded;
    }

    private static async Task<bool> RecordSpendIn(DbConnection connection, IDbTransaction transaction, string teamId, long experimentId, decimal spent, int? results,
        string userId, DateTimeOffset now)
    {
        var args = new { teamId, experimentId, spent = Amounts.ToCents(spent), results, userId, now };
        if (await connection.ExecuteAsync(
                "UPDATE experiments SET spent_cents = @spent, results = @results, updated_at = @now WHERE team_id = @teamId AND id = @experimentId",
                args, transaction) == 0) return false;
        await connection.ExecuteAsync("""
            INSERT INTO experiment_spend (team_id, experiment_id, spent_cents, results, recorded_by, recorded_at)
            VALUES (@teamId, @experimentId, @spent, @results, @userId, @now)
            """, args, transaction);
        return true;
    }

    /// <summary>Every spend total of the team's experiments recorded before <paramref name="before"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SpendEntry>> SpendRecorded(string teamId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<SpendRow>("""
            SELECT id, experiment_id, spent_cents, results, recorded_by, recorded_at FROM experiment_spend
            WHERE team_id = @teamId AND recorded_at < @before ORDER BY recorded_at, id
            """, new { teamId, before });
        return rows.Select(r => new SpendEntry(r.Id, r.ExperimentId, Amounts.FromCents(r.SpentCents), (int?)r.Results, r.RecordedBy, r.RecordedAt)).ToList();
    }

    /// <summary>Saves edited fields (name, hypothesis, stage, key result, metric, whether it brings leads, ICE, owner, dates, budget, result unit).</summary>
    public async Task Update(Experiment experiment, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await database.InTransaction(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("""
                UPDATE experiments SET name = @Name, hypothesis = @Hypothesis, funnel_stage = @Stage, key_result_id = @KeyResultId,
                    metric = @Metric, brings_leads = @BringsLeads, impact = @Impact, confidence = @Confidence, ease = @Ease, owner_id = @OwnerId,
                    start_date = @StartDate, end_date = @EndDate, budget_cents = @BudgetCents, result_unit = @ResultUnit, updated_at = @Now
                WHERE team_id = @TeamId AND id = @Id
                """, new
            {
                experiment.TeamId, experiment.Id, experiment.Name, experiment.Hypothesis, Stage = experiment.Stage.ToString(), experiment.KeyResultId, experiment.Metric,
                experiment.BringsLeads,
                experiment.Ice.Impact, experiment.Ice.Confidence, experiment.Ice.Ease, experiment.OwnerId, experiment.StartDate, experiment.EndDate, Now = now,
                BudgetCents = experiment.Budget is { } budget ? Amounts.ToCents(budget) : (long?)null, experiment.ResultUnit,
            }, transaction);
            changes.Changed(experiment.TeamId, experiment.OwnerId, experiment.CreatedBy);
            return true;
        }, cancellationToken);

    /// <summary>Abandons an open experiment of the team; false when it was already closed.</summary>
    public async Task<bool> Abandon(string teamId, long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await Notify(connection, teamId, id, await connection.ExecuteAsync(
            "UPDATE experiments SET status = 'Abandoned', concluded_at = @now, updated_at = @now WHERE team_id = @teamId AND id = @id AND status IN ('Backlog', 'Running')",
            new { teamId, id, now }) > 0);
    }

    private async Task Notify(string teamId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await Notify(connection, teamId, id, true);
    }

    /// <summary>Tells the change feed whose experiment changed, when it did; returns <paramref name="changed"/>.</summary>
    private async Task<bool> Notify(DbConnection connection, string teamId, long id, bool changed)
    {
        if (!changed) return changed;
        foreach (var who in await connection.QueryAsync<(string OwnerId, string CreatedBy)>(
            "SELECT owner_id, created_by FROM experiments WHERE team_id = @teamId AND id = @id", new { teamId, id }))
            changes.Changed(teamId, who.OwnerId, who.CreatedBy);
        return changed;
    }

    private static object Parameters(Experiment e) => new
    {
        e.TeamId,
        e.Name,
        e.Hypothesis,
        Stage = e.Stage.ToString(),
        e.KeyResultId,
        e.Metric,
        e.BringsLeads,
        e.Ice.Impact,
        e.Ice.Confidence,
        e.Ice.Ease,
        e.OwnerId,
        e.StartDate,
        e.EndDate,
        Status = e.Status.ToString(),
        e.CreatedBy,
        e.CreatedAt,
        BudgetCents = e.Budget is { } budget ? Amounts.ToCents(budget) : (long?)null,
        e.ResultUnit,
    };

    private sealed class SpendRow
    {
        public long Id { get; init; }
        public long ExperimentId { get; init; }
        public long SpentCents { get; init; }
        public long? Results { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }
    }

    /// <summary>
    /// The experiments <paramref name="command"/> selects (<see cref="Columns"/>, in that order), mapped to the domain
    /// record in one place. By hand, by position: every list, report and home reads these rows, and Dapper's general
    /// mapper (boxing each value, a type handler per instant) cost about 20 µs a row in the profile.
    /// </summary>
    private static async Task<List<Experiment>> Read(DbConnection connection, CommandDefinition command)
    {
        var experiments = new List<Experiment>();
        await using var reader = await connection.ExecuteReaderAsync(command);
        while (await reader.ReadAsync(command.CancellationToken))
        {
            experiments.Add(new Experiment
            {
                Id = reader.GetInt64(0),
                TeamId = reader.GetString(1),
                Number = reader.GetInt32(2),
                Name = reader.GetString(3),
                Hypothesis = reader.GetString(4),
                Stage = Enum.Parse<FunnelStage>(reader.GetString(5)),
                KeyResultId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                Metric = reader.GetString(7),
                BringsLeads = reader.GetBoolean(8),
                Ice = new IceScore(reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11)),
                OwnerId = reader.GetString(12),
                StartDate = SqlTypeHandlers.ReadDate(reader, 13),
                EndDate = SqlTypeHandlers.ReadDate(reader, 14),
                Status = Enum.Parse<ExperimentStatus>(reader.GetString(15)),
                CreatedBy = reader.GetString(16),
                CreatedAt = SqlTypeHandlers.ReadInstant(reader, 17),
                StartedAt = SqlTypeHandlers.ReadInstantOrNull(reader, 18),
                ConcludedAt = SqlTypeHandlers.ReadInstantOrNull(reader, 19),
                Outcome = reader.IsDBNull(20) ? null : Enum.Parse<Outcome>(reader.GetString(20)),
                Result = reader.IsDBNull(21) ? null : reader.GetString(21),
                Learning = reader.IsDBNull(22) ? null : reader.GetString(22),
                Decision = reader.IsDBNull(23) ? null : Enum.Parse<Decision>(reader.GetString(23)),
                NextStep = reader.IsDBNull(24) ? null : reader.GetString(24),
                Budget = reader.IsDBNull(25) ? null : Amounts.FromCents(reader.GetInt64(25)),
                Spent = Amounts.FromCents(reader.GetInt64(26)),
                Results = reader.IsDBNull(27) ? null : reader.GetInt32(27),
                ResultUnit = reader.GetString(28),
            });
        }
        return experiments;
    }
}
