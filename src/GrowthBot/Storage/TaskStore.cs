using System.Data;
using System.Data.Common;
using Dapper;
using GrowthBot.Domain.Tasks;

namespace GrowthBot.Storage;

/// <summary>
/// Tasks with their blockers and postponements. A due date is never edited in place: <see cref="Postpone"/>
/// records the move and its reason, so postponements can be counted.
/// </summary>
public sealed class TaskStore(Database database, IChangeFeed changes)
{
    private const string Select = """
        SELECT t.id, t.team_id, t.number, t.experiment_id, t.title, t.notes, t.owner_id, t.original_due_date, t.due_date,
               t.status, t.created_by, t.created_at, t.done_at, t.done_by,
               (SELECT COUNT(*) FROM task_postponements p WHERE p.task_id = t.id) AS postponements,
               b.id AS block_id, b.reason AS block_reason, b.note AS block_note, b.created_by AS block_created_by,
               b.created_at AS block_created_at
        FROM tasks t
        LEFT JOIN task_blocks b ON b.task_id = t.id AND b.resolved_at IS NULL
        """;

    public async Task<GrowthTask> Add(GrowthTask task, CancellationToken cancellationToken = default)
    {
        var row = await database.InTransaction(async (connection, transaction) =>
        {
            await database.Dialect.LockTeamNumbers(connection, transaction, "tasks", task.TeamId);
            return await connection.QuerySingleAsync<(long Id, long Number)>("""
                INSERT INTO tasks (team_id, number, experiment_id, title, notes, owner_id, original_due_date, due_date, status, created_by, created_at)
                SELECT @TeamId, COALESCE(MAX(number), 0) + 1, @ExperimentId, @Title, @Notes, @OwnerId, @DueDate, @DueDate, 'Open', @CreatedBy, @CreatedAt
                FROM tasks WHERE team_id = @TeamId
                RETURNING id, number
                """, new { task.TeamId, task.ExperimentId, task.Title, task.Notes, task.OwnerId, task.DueDate, task.CreatedBy, task.CreatedAt }, transaction);
        }, cancellationToken);
        changes.Changed(task.TeamId, task.OwnerId, task.CreatedBy);
        return task with { Id = row.Id, Number = (int)row.Number, OriginalDueDate = task.DueDate };
    }

    public async Task<GrowthTask?> Find(string teamId, int number, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TaskRow>($"{Select} WHERE t.team_id = @teamId AND t.number = @number", new { teamId, number });
        return row?.ToTask();
    }

    /// <summary>Open tasks of the team, or of one owner.</summary>
    public async Task<IReadOnlyList<GrowthTask>> Open(string teamId, string? ownerId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<TaskRow>(
            $"{Select} WHERE t.team_id = @teamId AND t.status = 'Open' AND (@ownerId IS NULL OR t.owner_id = @ownerId) ORDER BY t.due_date, t.number",
            new { teamId, ownerId });
        return rows.Select(r => r.ToTask()).ToList();
    }

    /// <summary>Every task of the team, open or done, by number (for the export).</summary>
    public async Task<IReadOnlyList<GrowthTask>> All(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<TaskRow>($"{Select} WHERE t.team_id = @teamId ORDER BY t.number", new { teamId });
        return rows.Select(r => r.ToTask()).ToList();
    }

    public async Task<IReadOnlyList<GrowthTask>> ForExperiment(string teamId, long experimentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<TaskRow>($"{Select} WHERE t.team_id = @teamId AND t.experiment_id = @experimentId ORDER BY t.status DESC, t.due_date, t.number",
            new { teamId, experimentId });
        return rows.Select(r => r.ToTask()).ToList();
    }

    /// <summary>How the tasks of each of <paramref name="experimentIds"/> stand; experiments without tasks are left out.</summary>
    public async Task<IReadOnlyDictionary<long, TaskCounts>> CountsByExperiment(string teamId, IReadOnlyCollection<long> experimentIds, CancellationToken cancellationToken = default)
    {
        if (experimentIds.Count == 0) return new Dictionary<long, TaskCounts>();
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(long ExperimentId, long Done, long Open, long Blocked)>($"""
            SELECT t.experiment_id, COUNT(*) FILTER (WHERE t.status = 'Done'), COUNT(*) FILTER (WHERE t.status = 'Open'),
                   COUNT(*) FILTER (WHERE t.status = 'Open' AND EXISTS (SELECT 1 FROM task_blocks b WHERE b.task_id = t.id AND b.resolved_at IS NULL))
            FROM tasks t
            WHERE t.team_id = @teamId AND t.experiment_id {database.Dialect.InList("experimentIds")}
            GROUP BY t.experiment_id
            """, new { teamId, experimentIds = experimentIds.ToArray() });
        return rows.ToDictionary(r => r.ExperimentId, r => new TaskCounts((int)r.Done, (int)r.Open, (int)r.Blocked));
    }

    /// <summary>Marks an open task of the team done; false when it was already done.</summary>
    public async Task<bool> MarkDone(string teamId, long taskId, string userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await database.InTransaction(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(
                "UPDATE tasks SET status = 'Done', done_at = @now, done_by = @userId WHERE team_id = @teamId AND id = @taskId AND status = 'Open'",
                new { teamId, taskId, userId, now }, transaction);
            if (changed == 0) return false;
            // A finished task is no longer blocked.
            await connection.ExecuteAsync(
                "UPDATE task_blocks SET resolved_at = @now, resolved_by = @userId WHERE team_id = @teamId AND task_id = @taskId AND resolved_at IS NULL",
                new { teamId, taskId, userId, now }, transaction);
            await Notify(connection, teamId, taskId, transaction);
            return true;
        }, cancellationToken);

    /// <summary>Records a blocker. When the task is already blocked, the open blocker's reason and note are replaced.</summary>
    public async Task<TaskBlock> Block(long taskId, string teamId, BlockReason reason, string note, string userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await database.InTransaction(async (connection, transaction) =>
        {
            // The task's row lock makes "is it blocked already?" and the write one step for concurrent clicks.
            await LockTask(connection, transaction, teamId, taskId);
            var open = await connection.QuerySingleOrDefaultAsync<long?>(
                "SELECT id FROM task_blocks WHERE team_id = @teamId AND task_id = @taskId AND resolved_at IS NULL", new { teamId, taskId }, transaction);
            long id;
            if (open is { } existing)
            {
                await connection.ExecuteAsync("UPDATE task_blocks SET reason = @reason, note = @note WHERE team_id = @teamId AND id = @existing",
                    new { teamId, existing, reason = reason.ToString(), note }, transaction);
                id = existing;
            }
            else
            {
                id = await connection.QuerySingleAsync<long>("""
                    INSERT INTO task_blocks (team_id, task_id, reason, note, created_by, created_at)
                    VALUES (@teamId, @taskId, @reason, @note, @userId, @now) RETURNING id
                    """, new { teamId, taskId, reason = reason.ToString(), note, userId, now }, transaction);
            }
            await Notify(connection, teamId, taskId, transaction);
            return new TaskBlock { Id = id, TaskId = taskId, Reason = reason, Note = note, CreatedBy = userId, CreatedAt = now };
        }, cancellationToken);

    /// <summary>Resolves the open blocker of the team's task; false when the task was not blocked.</summary>
    public async Task<bool> Unblock(string teamId, long taskId, string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var unblocked = await connection.ExecuteAsync(
            "UPDATE task_blocks SET resolved_at = @now, resolved_by = @userId WHERE team_id = @teamId AND task_id = @taskId AND resolved_at IS NULL",
            new { teamId, taskId, userId, now }) > 0;
        if (unblocked) await Notify(connection, teamId, taskId, null);
        return unblocked;
    }

    /// <summary>Moves the due date and keeps the move, with its reason, as a postponement.</summary>
    public async Task<Postponement> Postpone(long taskId, string teamId, DateOnly toDate, string reason, string userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await database.InTransaction(async (connection, transaction) =>
        {
            var from = await connection.QuerySingleAsync<DateOnly>(
                $"SELECT due_date FROM tasks WHERE team_id = @teamId AND id = @taskId{database.Dialect.ForUpdate}", new { teamId, taskId }, transaction);
            var id = await connection.QuerySingleAsync<long>("""
                INSERT INTO task_postponements (team_id, task_id, from_date, to_date, reason, created_by, created_at)
                VALUES (@teamId, @taskId, @from, @toDate, @reason, @userId, @now) RETURNING id
                """, new { teamId, taskId, from, toDate, reason, userId, now }, transaction);
            await connection.ExecuteAsync("UPDATE tasks SET due_date = @toDate WHERE team_id = @teamId AND id = @taskId", new { teamId, taskId, toDate }, transaction);
            await Notify(connection, teamId, taskId, transaction);
            return new Postponement { Id = id, TaskId = taskId, FromDate = from, ToDate = toDate, Reason = reason, CreatedBy = userId, CreatedAt = now };
        }, cancellationToken);

    /// <summary>Every postponement of the experiment's tasks, latest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Postponement>> PostponementsForExperiment(string teamId, long experimentId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<PostponementRow>("""
            SELECT p.id, p.task_id, p.from_date, p.to_date, p.reason, p.created_by, p.created_at
            FROM task_postponements p
            WHERE p.task_id IN (SELECT id FROM tasks WHERE team_id = @teamId AND experiment_id = @experimentId)
            ORDER BY p.created_at DESC, p.id DESC LIMIT @limit
            """, new { teamId, experimentId, limit });
        return rows.Select(r => r.ToPostponement()).ToList();
    }

    /// <summary>Blockers recorded in [from, to) (the weekly count by reason).</summary>
    public async Task<IReadOnlyList<TaskBlock>> BlocksIn(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await BlocksIn(connection, teamId, from, to);
    }

    /// <summary>Blockers recorded in [from, to), with the task they block (the export).</summary>
    public async Task<IReadOnlyList<(TaskBlock Block, GrowthTask Task)>> BlocksRecorded(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await WithTasks(connection, teamId, await BlocksIn(connection, teamId, from, to), b => b.TaskId);
    }

    /// <summary>Postponements recorded in [from, to) (the weekly count by person).</summary>
    public async Task<IReadOnlyList<Postponement>> PostponementsIn(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await PostponementsIn(connection, teamId, from, to);
    }

    /// <summary>Postponements recorded in [from, to), with their task (the export).</summary>
    public async Task<IReadOnlyList<(Postponement Postponement, GrowthTask Task)>> PostponementsRecorded(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await WithTasks(connection, teamId, await PostponementsIn(connection, teamId, from, to), p => p.TaskId);
    }

    private static async Task<IReadOnlyList<TaskBlock>> BlocksIn(DbConnection connection, string teamId, DateTimeOffset from, DateTimeOffset to) =>
        (await connection.QueryAsync<BlockRow>("""
            SELECT id, task_id, reason, note, created_by, created_at, resolved_at, resolved_by
            FROM task_blocks WHERE team_id = @teamId AND created_at >= @from AND created_at < @to ORDER BY created_at
            """, new { teamId, from, to })).Select(b => b.ToBlock()).ToList();

    private static async Task<IReadOnlyList<Postponement>> PostponementsIn(DbConnection connection, string teamId, DateTimeOffset from, DateTimeOffset to) =>
        (await connection.QueryAsync<PostponementRow>("""
            SELECT id, task_id, from_date, to_date, reason, created_by, created_at
            FROM task_postponements WHERE team_id = @teamId AND created_at >= @from AND created_at < @to ORDER BY created_at
            """, new { teamId, from, to })).Select(r => r.ToPostponement()).ToList();

    /// <summary>Tells the change feed whose task changed (owner and creator).</summary>
    private async Task Notify(DbConnection connection, string teamId, long taskId, IDbTransaction? transaction)
    {
        foreach (var who in await connection.QueryAsync<(string OwnerId, string CreatedBy)>(
            "SELECT owner_id, created_by FROM tasks WHERE team_id = @teamId AND id = @taskId", new { teamId, taskId }, transaction))
            changes.Changed(teamId, who.OwnerId, who.CreatedBy);
    }

    /// <summary>
    /// Locks the task's row for the rest of the transaction. A blocker is only ever recorded on a task of the same
    /// team; anything else is a bug, stopped before it writes.
    /// </summary>
    private async Task LockTask(DbConnection connection, IDbTransaction transaction, string teamId, long taskId)
    {
        if (await connection.ExecuteScalarAsync<long?>(
                $"SELECT id FROM tasks WHERE team_id = @teamId AND id = @taskId{database.Dialect.ForUpdate}", new { teamId, taskId }, transaction) is null)
            throw new InvalidOperationException($"Task {taskId} is not a task of team {teamId}");
    }

    private async Task<IReadOnlyList<(T, GrowthTask)>> WithTasks<T>(DbConnection connection, string teamId, IReadOnlyList<T> items, Func<T, long> taskId)
    {
        if (items.Count == 0) return [];
        var ids = items.Select(taskId).Distinct().ToArray();
        // By id alone, then the team checked here: with "team_id = @teamId" in the query SQLite walked the team's whole
        // tasks index (no statistics told it the ids are fewer) instead of looking the ids up.
        var tasks = (await connection.QueryAsync<TaskRow>($"{Select} WHERE t.id {database.Dialect.InList("ids")}", new { ids }))
            .Where(r => r.TeamId == teamId).ToDictionary(r => r.Id, r => r.ToTask());
        return items.Where(i => tasks.ContainsKey(taskId(i))).Select(i => (i, tasks[taskId(i)])).ToList();
    }

    private sealed class TaskRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public int Number { get; init; }
        public long? ExperimentId { get; init; }
        public string Title { get; init; } = "";
        public string Notes { get; init; } = "";
        public string OwnerId { get; init; } = "";
        public DateOnly OriginalDueDate { get; init; }
        public DateOnly DueDate { get; init; }
        public string Status { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? DoneAt { get; init; }
        public string? DoneBy { get; init; }
        public int Postponements { get; init; }
        public long? BlockId { get; init; }
        public string? BlockReason { get; init; }
        public string? BlockNote { get; init; }
        public string? BlockCreatedBy { get; init; }
        public DateTimeOffset? BlockCreatedAt { get; init; }

        public GrowthTask ToTask() => new()
        {
            Id = Id, TeamId = TeamId, Number = Number, ExperimentId = ExperimentId, Title = Title, Notes = Notes, OwnerId = OwnerId,
            OriginalDueDate = OriginalDueDate, DueDate = DueDate, Status = Enum.Parse<GrowthTaskStatus>(Status),
            CreatedBy = CreatedBy, CreatedAt = CreatedAt, DoneAt = DoneAt, DoneBy = DoneBy, Postponements = Postponements,
            Blocker = BlockId is { } blockId
                ? new TaskBlock
                {
                    Id = blockId, TaskId = Id, Reason = Enum.Parse<Domain.Tasks.BlockReason>(BlockReason!), Note = BlockNote ?? "",
                    CreatedBy = BlockCreatedBy ?? "", CreatedAt = BlockCreatedAt ?? default,
                }
                : null,
        };
    }

    private sealed class BlockRow
    {
        public long Id { get; init; }
        public long TaskId { get; init; }
        public string Reason { get; init; } = "";
        public string Note { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ResolvedAt { get; init; }
        public string? ResolvedBy { get; init; }

        public TaskBlock ToBlock() => new()
        {
            Id = Id, TaskId = TaskId, Reason = Enum.Parse<BlockReason>(Reason), Note = Note, CreatedBy = CreatedBy,
            CreatedAt = CreatedAt, ResolvedAt = ResolvedAt, ResolvedBy = ResolvedBy,
        };
    }

    private sealed class PostponementRow
    {
        public long Id { get; init; }
        public long TaskId { get; init; }
        public DateOnly FromDate { get; init; }
        public DateOnly ToDate { get; init; }
        public string Reason { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public Postponement ToPostponement() => new()
        {
            Id = Id, TaskId = TaskId, FromDate = FromDate, ToDate = ToDate, Reason = Reason, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
        };
    }
}
