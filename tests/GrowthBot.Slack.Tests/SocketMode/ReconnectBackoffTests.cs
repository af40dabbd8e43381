using GrowthBot.Slack.SocketMode;

namespace GrowthBot.Slack.Tests.SocketMode;

public class ReconnectBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(7, 64)]
    public void The_step_doubles_with_each_failure(int failures, double stepSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(stepSeconds), ReconnectBackoff.Delay(failures, Base, Cap, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(stepSeconds / 2), ReconnectBackoff.Delay(failures, Base, Cap, jitter: 0));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(30)]
    [InlineData(1000)]
    public void The_step_never_exceeds_the_cap(int failures)
    {
        Assert.Equal(Cap, ReconnectBackoff.Delay(failures, Base, Cap, jitter: 1));
        Assert.Equal(Cap / 2, ReconnectBackoff.Delay(failures, Base, Cap, jitter: 0));
    }

    [Fact]
    public void Jitter_spreads_the_wait_over_the_upper_half_of_the_step()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), ReconnectBackoff.Delay(3, Base, Cap, jitter: 0.5));
        Assert.Equal(TimeSpan.FromSeconds(4), ReconnectBackoff.Delay(3, Base, Cap, jitter: 7));
        Assert.Equal(TimeSpan.FromSeconds(2), ReconnectBackoff.Delay(3, Base, Cap, jitter: -1));
    }

    [Fact]
    public void No_failure_means_no_wait()
    {
        Assert.Equal(TimeSpan.Zero, ReconnectBackoff.Delay(0, Base, Cap, jitter: 1));
    }

    [Fact]
    public void Consecutive_failures_grow_the_wait_and_a_success_starts_over()
    {
        var backoff = new ReconnectBackoff(Base, Cap, random: () => 1);

        var waits = new[] { backoff.NextDelay(), backoff.NextDelay(), backoff.NextDelay() };
        backoff.Reset();
        var afterSuccess = backoff.NextDelay();

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
        Assert.Equal(TimeSpan.FromSeconds(1), afterSuccess);
        Assert.Equal(1, backoff.Failures);
    }
}
