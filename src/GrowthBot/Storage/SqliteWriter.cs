using System.Data;
using System.Data.Common;
using System.Threading.Channels;
using Dapper;

namespace GrowthBot.Storage;

/// <summary>
/// SQLite's one writer, in this process. Every write transaction is queued here and run by one loop that takes
/// whatever has queued meanwhile and commits it together: each write in its own savepoint (a failing one is rolled
/// back alone and its caller gets the exception), one COMMIT for the batch, and each caller's task completes only after
/// that commit. Writers used to race for the file's lock, and SQLite's busy handler put the losers to sleep for up to
/// 100 ms at a time, so a burst of saves queued for seconds (the benchmark's 1.8 s p99); now they wait in order, without
/// a thread, and a burst costs one transaction per batch. Other connections (the scheduler's, a backup) still take the
/// file's lock between batches, within busy_timeout. A write's work must never start another write transaction (it
/// would wait behind itself): it passes its connection and transaction on, as the stores' static helpers take them.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    /// <summary>Writes committed together at most: keeps one batch's transaction, and so the scheduler's wait for the lock, short.</summary>
    public const int MaxBatch = 64;

    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public SqliteWriter(Func<CancellationToken, Task<DbConnection>> open)
    {
        _open = open;
        _loop = Task.Run(Loop);
    }

    public async Task<T> Run<T>(Func<DbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new Write<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(write)) throw new ObjectDisposedException(nameof(SqliteWriter));
        return await write.Done.Task;
    }

    private async Task Loop()
    {
        var batch = new List<Write>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
                if (!write.CancelIfRequested()) batch.Add(write);
            if (batch.Count > 0) await Commit(batch);
        }
    }

    private async Task Commit(List<Write> batch)
    {
        var ran = new List<Write>(batch.Count);
        try
        {
            await using var connection = await _open(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable);
            foreach (var write in batch)
            {
                await connection.ExecuteAsync("SAVEPOINT write", transaction: transaction);
                try
                {
                    await write.Run(connection, transaction);
                    await connection.ExecuteAsync("RELEASE write", transaction: transaction);
                    ran.Add(write);
                }
                catch (Exception e)
                {
                    await connection.ExecuteAsync("ROLLBACK TO write; RELEASE write", transaction: transaction);
                    write.Fail(e);
                }
            }
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // Nothing of the batch was stored (BEGIN or COMMIT failed, e.g. the disk is full): every writer hears so.
            foreach (var write in batch) write.Fail(e);
            return;
        }
        foreach (var write in ran) write.Succeed();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private abstract class Write
    {
        public abstract Task Run(DbConnection connection, IDbTransaction transaction);
        public abstract void Succeed();
        public abstract void Fail(Exception exception);
        public abstract bool CancelIfRequested();
    }

    private sealed class Write<T>(Func<DbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken) : Write
    {
        private T _result = default!;

        // Completions run the caller's continuation elsewhere, never inside the writer's loop.
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task Run(DbConnection connection, IDbTransaction transaction) => _result = await work(connection, transaction);

        public override void Succeed() => Done.TrySetResult(_result);

        public override void Fail(Exception exception) => Done.TrySetException(exception);

        public override bool CancelIfRequested() => cancellationToken.IsCancellationRequested && Done.TrySetCanceled(cancellationToken);
    }
}
