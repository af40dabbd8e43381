using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Slack.Routing;

/// <summary>
/// Work that continues after Slack has been acknowledged: event handlers, late replies, follow-up posts.
/// Each item runs in its own DI scope; failures are logged, never thrown at the request; shutdown waits
/// for what is running so a follow-up is not cut off mid-way. At most <see cref="MaxRunning"/> items run at once and the
/// rest wait their turn, so a burst (a whole team saving at once) queues its confirmations instead of running a hundred
/// of them beside the acknowledgements Slack is waiting for.
/// </summary>
public sealed class SlackBackgroundWork(IServiceScopeFactory scopes, ILogger<SlackBackgroundWork> logger) : IHostedService
{
    private readonly ConcurrentDictionary<int, Task> _running = new();
    /// <summary>Follow-ups running at once: mostly waiting on Slack's Web API, a few per core keep it busy.</summary>
    public static readonly int MaxRunning = Math.Max(8, Environment.ProcessorCount * 4);

    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _slots = new(MaxRunning, MaxRunning);
    private int _next;

    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts <paramref name="work"/> now, in a new scope, without waiting for it.</summary>
    public void Run(string description, Func<IServiceProvider, CancellationToken, Task> work)
    {
        var id = Interlocked.Increment(ref _next);
        var task = Task.Run(async () =>
        {
            var slot = false;
            try
            {
                await _slots.WaitAsync(_stopping.Token);
                slot = true;
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                logger.LogWarning("Stopped before finishing: {Work}", description);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Background work failed: {Work}", description);
            }
            finally
            {
                if (slot) _slots.Release();
            }
        });
        _running[id] = task;
        task.ContinueWith(_ => _running.TryRemove(id, out Task? _), TaskScheduler.Default);
    }

    /// <summary>Tracks a task already started elsewhere, so shutdown waits for it.</summary>
    public void Track(Task task)
    {
        var id = Interlocked.Increment(ref _next);
        _running[id] = task;
        task.ContinueWith(_ => _running.TryRemove(id, out Task? _), TaskScheduler.Default);
    }

    /// <summary>Waits until nothing is running (for tests and shutdown).</summary>
    public async Task Idle(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_running.IsEmpty && DateTime.UtcNow < deadline)
            await Task.WhenAny(Task.WhenAll(_running.Values), Task.Delay(50));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Values).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Shutting down with {Count} follow-ups still running", _running.Count);
            await _stopping.CancelAsync();
        }
        catch (Exception)
        {
            // Already logged by the work itself.
        }
    }
}
