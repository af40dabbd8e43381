using GrowthBot.Resources;
using GrowthBot.Common;
using System.Collections.Concurrent;
using GrowthBot.Delivery;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using GrowthBot.Storage;

namespace GrowthBot.Features.Home;

/// <summary>
/// Keeps people's App Home current. A change queues a refresh of the home of everyone it affects (the owners
/// and creators of what changed, plus everyone who looked at their home recently, because the team-wide
/// sections change for them too). Refreshes are coalesced per person: the first change opens a short window,
/// later changes inside it ride along, and one <c>views.publish</c> goes out when it closes. Publishing runs
/// after Slack's ack, and never twice at once for the same person.
/// </summary>
public sealed class HomePublisher(
    IServiceScopeFactory scopes,
    SlackBackgroundWork background,
    TimeProvider time,
    ILogger<HomePublisher> logger) : IChangeListener, IDisposable
{
    /// <summary>How long changes are gathered before one publish: a burst of edits (a modal saving five rows) becomes one refresh.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    /// <summary>Someone who opened their home within this time sees team-wide changes without reopening it.</summary>
    public static readonly TimeSpan RecentViewerFor = TimeSpan.FromDays(7);

    /// <summary>Bounds the refreshes one change can cause in a big workspace; the least recent viewers drop out first.</summary>
    public const int MaxRecentViewers = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Team, string User), ITimer> _pending = [];
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _viewers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Team, string User), SemaphoreSlim> _publishing = new();

    /// <summary>For features that change something the stores don't see: refreshes these people's homes (and recent viewers').</summary>
    public void Changed(string teamId, params IEnumerable<string?> userIds) =>
        ((IChangeListener)this).Changed(teamId, userIds.Where(u => !string.IsNullOrEmpty(u)).Select(u => u!).ToList());

    void IChangeListener.Changed(string teamId, IReadOnlyCollection<string> userIds)
    {
        lock (_gate)
        {
            foreach (var user in userIds.Concat(RecentViewers(teamId)).Distinct(StringComparer.Ordinal))
            {
                var key = (teamId, user);
                if (_pending.ContainsKey(key)) continue;
                _pending[key] = time.CreateTimer(WindowClosed, key, Window, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Publishes the home of someone who just opened it, at once, and remembers them as a recent viewer.</summary>
    public async Task PublishNow(string teamId, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Remember(teamId, userId);
            // This publish shows everything changed so far; a pending refresh would only repeat it.
            if (_pending.Remove((teamId, userId), out var timer)) timer.Dispose();
        }
        await using var scope = scopes.CreateAsyncScope();
        await Publish(scope.ServiceProvider, teamId, userId, cancellationToken);
    }

    /// <summary>People of the team who opened their home within <see cref="RecentViewerFor"/>.</summary>
    public IReadOnlyList<string> RecentViewers(string teamId)
    {
        lock (_gate)
        {
            if (!_viewers.TryGetValue(teamId, out var viewers)) return [];
            var since = time.GetUtcNow() - RecentViewerFor;
            foreach (var stale in viewers.Where(v => v.Value < since).Select(v => v.Key).ToList()) viewers.Remove(stale);
            return viewers.Keys.ToList();
        }
    }

    private void Remember(string teamId, string userId)
    {
        if (!_viewers.TryGetValue(teamId, out var viewers)) _viewers[teamId] = viewers = new(StringComparer.Ordinal);
        viewers[userId] = time.GetUtcNow();
        if (viewers.Count > MaxRecentViewers) viewers.Remove(viewers.MinBy(v => v.Value).Key);
    }

    private void WindowClosed(object? state)
    {
        var (teamId, userId) = ((string, string))state!;
        lock (_gate)
        {
            if (_pending.Remove((teamId, userId), out var timer)) timer.Dispose();
        }
        background.Run($"refresh the App Home of {userId}", (services, ct) => Publish(services, teamId, userId, ct));
    }

    private async Task Publish(IServiceProvider services, string teamId, string userId, CancellationToken cancellationToken)
    {
        // A refresh runs after its window closes, outside the request that caused it: it says whose home it is.
        using var team = SlackTeamScope.Enter(teamId);
        var gate = _publishing.GetOrAdd((teamId, userId), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var words = await services.GetRequiredService<Readers>().Person(teamId, userId, cancellationToken);
            var chart = services.GetRequiredService<HomeChart>();
            var trend = await chart.For(teamId, cancellationToken);
            var view = await services.GetRequiredService<HomeTab>().For(teamId, userId, words, trend, cancellationToken);
            var slack = services.GetRequiredService<ISlackApi>();
            await services.GetRequiredService<SlackImages>().Send(view, () =>
            {
                chart.Refused(teamId, trend!);
                return HomeTab.WithoutImages(view);
            }, v => slack.PublishView(userId, v, cancellationToken), cancellationToken);
        }
        catch (SlackApiException e)
        {
            // e.g. a deactivated user: their home cannot be published; the next change tries again.
            logger.LogWarning("Could not publish the App Home of {User}: {Error}", userId, e.Error);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var timer in _pending.Values) timer.Dispose();
            _pending.Clear();
        }
    }
}
