using System.Data.Common;
using System.Globalization;
using Dapper;
using GrowthBot.Domain.Reports;

namespace GrowthBot.Storage;

public enum ReportKind
{
    /// <summary>Due at a time of the team's schedule (posted then, or caught up later).</summary>
    Scheduled,
    /// <summary>Asked for with <c>/growth report now</c>.</summary>
    OnDemand,
}

/// <summary>One weekly report: the period it covers, where it was posted and whom its thread asked about which experiments.</summary>
public sealed record ReportEntry
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    public ReportKind Kind { get; init; }
    /// <summary>When a scheduled report was due; null for one asked for on demand.</summary>
    public DateTimeOffset? Slot { get; init; }
    /// <summary>Names this report in the delivery keys of its post and its thread, so each is posted once.</summary>
    public required string PeriodKey { get; init; }
    public required ReportPeriod Period { get; init; }
    /// <summary>When it was reserved: for a report on demand, when it was asked for.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    public string? Channel { get; init; }
    public string? Ts { get; init; }
    public DateTimeOffset? PostedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public IReadOnlyList<long> AskedExperimentIds { get; init; } = [];
    public IReadOnlyList<string> AskedUsers { get; init; } = [];
    public string? AskedGroup { get; init; }
    public string? AskTs { get; init; }

    /// <summary>When it should have gone out: its slot, or when it was asked for.</summary>
    public DateTimeOffset DueAt => Slot ?? CreatedAt;
}

/// <summary>
/// The log of weekly reports (docs/decisions/0004). A report is reserved before it is posted, in a write transaction
/// that gives it its period: from where the team's latest report ended (the first: 7 days back) up to its slot or
/// the moment it was asked for. So periods follow each other with no gap and no overlap, whoever posts and however
/// often a post is retried. Instants are stored and compared in UTC: SQLite compares them as text.
/// </summary>
public sealed class ReportStore(Database database)
{
    private const string Columns = """
        r.id, r.team_id, r.kind, r.slot, r.period_key, r.period_start, r.period_end, r.created_at, r.channel, r.ts, r.posted_at,
        r.finished_at, r.asked_experiment_ids, r.asked_users, r.asked_group, r.ask_ts,
        NOT EXISTS (SELECT 1 FROM reports p WHERE p.team_id = r.team_id AND p.id <> r.id AND p.period_end <= r.period_start) AS is_first
        """;

    /// <summary>The period the team's next report would cover if it were built for <paramref name="end"/>.</summary>
    public async Task<ReportPeriod> NextPeriod(string teamId, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return ReportPeriod.After(await LatestEnd(connection, null, teamId), end.ToUniversalTime());
    }

    /// <summary>The period of the team's report that ended last at or before <paramref name="end"/> (the one before a report starting there); null when none did.</summary>
    public async Task<ReportPeriod?> PeriodEndingBy(string teamId, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<BoundsRow>(
            "SELECT period_start, period_end FROM reports WHERE team_id = @teamId AND period_end <= @end ORDER BY period_end DESC LIMIT 1",
            new { teamId, end = end.ToUniversalTime() });
        return row is null ? null : new ReportPeriod(row.PeriodStart, row.PeriodEnd, false);
    }

    /// <summary>
    /// The scheduled report due at <paramref name="slot"/>: reserved now, or the one reserved for it before. Null when
    /// it is covered already: a report was reserved at or after the slot (a late <c>/growth report now</c>), or this
    /// week's scheduled report exists (the team moved its report day after it went out).
    /// </summary>
    public Task<ReportEntry?> ReserveSlot(string teamId, DateTimeOffset slot, DateTimeOffset weekStart, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        (slot, weekStart, now) = (slot.ToUniversalTime(), weekStart.ToUniversalTime(), now.ToUniversalTime());
        return database.InTransaction<ReportEntry?>(async (connection, transaction) =>
        {
            // Instances deciding the same team's report wait for each other, so one reserves it and the rest find it.
            await database.Dialect.LockTeamNumbers(connection, transaction, "reports", teamId);
            var mine = await connection.QuerySingleOrDefaultAsync<ReportRow>(
                $"SELECT {Columns} FROM reports r WHERE r.team_id = @teamId AND r.slot = @slot", new { teamId, slot }, transaction);
            if (mine is not null) return mine.ToEntry();
            var covered = await connection.ExecuteScalarAsync<bool>("""
                SELECT EXISTS (SELECT 1 FROM reports WHERE team_id = @teamId AND created_at >= @slot)
                    OR EXISTS (SELECT 1 FROM reports WHERE team_id = @teamId AND kind = 'Scheduled' AND slot >= @weekStart)
                """, new { teamId, slot, weekStart }, transaction);
            if (covered) return null;
            var period = ReportPeriod.After(await LatestEnd(connection, transaction, teamId), slot);
            return await Insert(connection, transaction, teamId, ReportKind.Scheduled, slot, $"slot-{Key(slot)}", period, now);
        }, cancellationToken);
    }

    /// <summary>
    /// A report asked for now, covering up to <paramref name="now"/>. When the team's latest report was reserved less
    /// than <paramref name="recent"/> ago (a second click, the scheduled post a moment ago), that one is returned
    /// instead, so a near-empty report is not posted after it.
    /// </summary>
    public Task<(ReportEntry Report, bool IsNew)> ReserveOnDemand(string teamId, DateTimeOffset now, TimeSpan recent, CancellationToken cancellationToken = default)
    {
        now = now.ToUniversalTime();
        return database.InTransaction(async (connection, transaction) =>
        {
            await database.Dialect.LockTeamNumbers(connection, transaction, "reports", teamId);
            var latest = await connection.QuerySingleOrDefaultAsync<ReportRow>(
                $"SELECT {Columns} FROM reports r WHERE r.team_id = @teamId ORDER BY r.created_at DESC, r.id DESC LIMIT 1", new { teamId }, transaction);
            var previousEnd = await LatestEnd(connection, transaction, teamId);
            if (latest is not null && (latest.CreatedAt > now - recent || previousEnd >= now)) return (latest.ToEntry(), false);
            var period = ReportPeriod.After(previousEnd, now);
            return (await Insert(connection, transaction, teamId, ReportKind.OnDemand, null, $"now-{Key(now)}", period, now), true);
        }, cancellationToken);
    }

    /// <summary>Reports whose post or thread is not delivered yet, oldest period first.</summary>
    public async Task<IReadOnlyList<ReportEntry>> Unfinished(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<ReportRow>(
            $"SELECT {Columns} FROM reports r WHERE r.team_id = @teamId AND r.finished_at IS NULL ORDER BY r.period_start", new { teamId });
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>The report whose message is the parent of the thread <paramref name="threadTs"/>.</summary>
    public async Task<ReportEntry?> FindByThread(string teamId, string threadTs, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReportRow>(
            $"SELECT {Columns} FROM reports r WHERE r.team_id = @teamId AND r.ts = @threadTs ORDER BY r.id LIMIT 1", new { teamId, threadTs });
        return row?.ToEntry();
    }

    public async Task<ReportEntry?> Find(string teamId, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<ReportRow>($"SELECT {Columns} FROM reports r WHERE r.team_id = @teamId AND r.id = @id", new { teamId, id }))?.ToEntry();
    }

    public Task MarkPosted(ReportEntry report, string channel, string ts, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Execute("UPDATE reports SET channel = @channel, ts = @ts, posted_at = @at WHERE team_id = @TeamId AND id = @Id AND ts IS NULL",
            new { report.TeamId, report.Id, channel, ts, at = at.ToUniversalTime() }, cancellationToken);

    /// <summary>Remembers whom the thread asks about which experiments, before asking, so the first reply finds them.</summary>
    public Task SetAsked(ReportEntry report, IReadOnlyList<long> experimentIds, IReadOnlyList<string> users, string? group, CancellationToken cancellationToken = default) =>
        Execute("UPDATE reports SET asked_experiment_ids = @ids, asked_users = @users, asked_group = @group WHERE team_id = @TeamId AND id = @Id",
            new { report.TeamId, report.Id, ids = string.Join(",", experimentIds), users = string.Join(",", users), group }, cancellationToken);

    public Task SetAskTs(ReportEntry report, string ts, CancellationToken cancellationToken = default) =>
        Execute("UPDATE reports SET ask_ts = @ts WHERE team_id = @TeamId AND id = @Id", new { report.TeamId, report.Id, ts }, cancellationToken);

    public Task MarkFinished(ReportEntry report, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Execute("UPDATE reports SET finished_at = @at WHERE team_id = @TeamId AND id = @Id AND finished_at IS NULL",
            new { report.TeamId, report.Id, at = at.ToUniversalTime() }, cancellationToken);

    private async Task Execute(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(sql, args);
    }

    private static async Task<DateTimeOffset?> LatestEnd(DbConnection connection, System.Data.IDbTransaction? transaction, string teamId) =>
        await connection.QueryFirstOrDefaultAsync<DateTimeOffset?>(
            "SELECT period_end FROM reports WHERE team_id = @teamId ORDER BY period_end DESC LIMIT 1", new { teamId }, transaction);

    private static async Task<ReportEntry> Insert(DbConnection connection, System.Data.IDbTransaction transaction,
        string teamId, ReportKind kind, DateTimeOffset? slot, string periodKey, ReportPeriod period, DateTimeOffset now)
    {
        var id = await connection.QuerySingleAsync<long>("""
            INSERT INTO reports (team_id, kind, slot, period_key, period_start, period_end, created_at)
            VALUES (@teamId, @kind, @slot, @periodKey, @start, @end, @now) RETURNING id
            """, new { teamId, kind = kind.ToString(), slot, periodKey, start = period.Start, end = period.End, now }, transaction);
        return new ReportEntry { Id = id, TeamId = teamId, Kind = kind, Slot = slot, PeriodKey = periodKey, Period = period, CreatedAt = now };
    }

    /// <summary>An instant as it appears in a delivery key: UTC to the second, <c>2026-11-23T09:00:00Z</c>.</summary>
    private static string Key(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class BoundsRow
    {
        public DateTimeOffset PeriodStart { get; init; }
        public DateTimeOffset PeriodEnd { get; init; }
    }

    private sealed class ReportRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public string Kind { get; init; } = "";
        public DateTimeOffset? Slot { get; init; }
        public string PeriodKey { get; init; } = "";
        public DateTimeOffset PeriodStart { get; init; }
        public DateTimeOffset PeriodEnd { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string? Channel { get; init; }
        public string? Ts { get; init; }
        public DateTimeOffset? PostedAt { get; init; }
        public DateTimeOffset? FinishedAt { get; init; }
        public string AskedExperimentIds { get; init; } = "";
        public string AskedUsers { get; init; } = "";
        public string? AskedGroup { get; init; }
        public string? AskTs { get; init; }
        public bool IsFirst { get; init; }

        public ReportEntry ToEntry() => new()
        {
            Id = Id, TeamId = TeamId, Kind = Enum.Parse<ReportKind>(Kind), Slot = Slot, PeriodKey = PeriodKey,
            Period = new ReportPeriod(PeriodStart, PeriodEnd, IsFirst), CreatedAt = CreatedAt, Channel = Channel, Ts = Ts,
            PostedAt = PostedAt, FinishedAt = FinishedAt,
            AskedExperimentIds = AskedExperimentIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToList(),
            AskedUsers = AskedUsers.Split(',', StringSplitOptions.RemoveEmptyEntries), AskedGroup = AskedGroup, AskTs = AskTs,
        };
    }
}
