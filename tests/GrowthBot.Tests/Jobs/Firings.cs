using System.Collections.Concurrent;
using GrowthBot.Jobs;
using GrowthBot.Tests.Fixtures;
using Quartz;

namespace GrowthBot.Tests.Jobs;

/// <summary>
/// The Quartz firings of a running app's jobs, as they finish. Quartz runs on the app's clock, which the tests
/// freeze: every trigger fires once when the scheduler starts and then only when the test moves the clock on.
/// <see cref="Tick"/> does that and waits for what it fired, so a test knows a firing happened instead of
/// sleeping and hoping.
/// </summary>
public sealed class Firings : IJobListener
{
    private readonly ConcurrentQueue<(string Job, DateTimeOffset ScheduledAt)> _finished = new();

    public string Name => nameof(Firings);

    public static async Task<Firings> Watch(GrowthBotApp app)
    {
        var firings = new Firings();
        var scheduler = await app.Service<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(firings, []);
        return firings;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        _finished.Enqueue((context.JobDetail.Key.Name, context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until <paramref name="job"/> has finished a firing due at <paramref name="due"/> or later.</summary>
    public async Task WaitFor(ScheduledJob job, DateTimeOffset due)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_finished.Any(f => f.Job == job.Name && f.ScheduledAt >= due))
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Quartz did not finish {job.Name}");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Moves the app's clock one second on, waits until each of <paramref name="jobs"/> has finished a firing due at
    /// the new time, then until the app's background work (the startup catch-up) is done.
    /// </summary>
    public async Task Tick(GrowthBotApp app, params ScheduledJob[] jobs)
    {
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var now = app.Time.GetUtcNow();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!jobs.All(job => _finished.Any(f => f.Job == job.Name && f.ScheduledAt >= now)))
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"Quartz did not fire {string.Join(", ", jobs.Select(j => j.Name))} at {now:HH:mm:ss}; finished: " +
                                                   string.Join(", ", _finished.Select(f => $"{f.Job} {f.ScheduledAt:HH:mm:ss}")));
            await Task.Delay(20);
        }
        await app.Idle();
    }
}
