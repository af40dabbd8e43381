using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Jobs;

public static class Clock
{
    /// <summary>
    /// Runs work that waits on the app's clock (Slack client backoff, Retry-After) while moving that clock on,
    /// so the test never really waits.
    /// </summary>
    public static async Task WhileAdvancing(GrowthBotApp app, Func<Task> work, TimeSpan? step = null)
    {
        var run = work();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!run.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(run, Task.Delay(20));
            if (!run.IsCompleted) app.Time.Advance(step ?? TimeSpan.FromSeconds(1));
        }
        await run;
    }
}
