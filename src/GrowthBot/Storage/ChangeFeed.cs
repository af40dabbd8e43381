namespace GrowthBot.Storage;

/// <summary>
/// Tells whoever cares that growth data of a team changed, and whose items they were. The stores call it after
/// every write, so views that mirror the data (the App Home) stay current without each feature remembering to.
/// </summary>
public interface IChangeFeed
{
    /// <summary><paramref name="userIds"/>: owners and creators of what changed; null or empty ids are ignored.</summary>
    void Changed(string teamId, params IEnumerable<string?> userIds);
}

/// <summary>
/// Something that reacts to changes. It must only queue work, never do it inline: the caller is a write, some
/// stores call from inside their transaction, so work that reads the data must start later (after a delay).
/// </summary>
public interface IChangeListener
{
    void Changed(string teamId, IReadOnlyCollection<string> userIds);
}

/// <summary>Hands each change to every registered <see cref="IChangeListener"/>; a failing listener never fails the write.</summary>
public sealed class ChangeFeed(IEnumerable<IChangeListener> listeners, ILogger<ChangeFeed> logger) : IChangeFeed
{
    public void Changed(string teamId, params IEnumerable<string?> userIds)
    {
        var users = userIds.Where(u => !string.IsNullOrEmpty(u)).Select(u => u!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var listener in listeners)
        {
            try
            {
                listener.Changed(teamId, users);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Listener} failed on a change in team {Team}", listener.GetType().Name, teamId);
            }
        }
    }
}
