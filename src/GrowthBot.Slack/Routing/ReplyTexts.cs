namespace GrowthBot.Slack.Routing;

/// <summary>
/// The few sentences the Slack layer says to a person itself: the apology when a handler failed or ran out of time, and
/// the answer to a slash command nothing handles. The host words them in the person's language (<see cref="IReplyTexts"/>);
/// without one they are English.
/// </summary>
public sealed record ReplyTexts(string Apology, string ApologyTitle, string Close, Func<string, string> UnknownCommand)
{
    public static readonly ReplyTexts English = new(
        SlackDispatcher.Apology, "Something went wrong", "Close", command => $"I don't know the command {command}.");
}

/// <summary>Where the dispatcher gets <see cref="ReplyTexts"/> for one person; the host replaces the English default.</summary>
public interface IReplyTexts
{
    Task<ReplyTexts> For(string teamId, string userId, CancellationToken cancellationToken);
}

internal sealed class EnglishReplyTexts : IReplyTexts
{
    public Task<ReplyTexts> For(string teamId, string userId, CancellationToken cancellationToken) => Task.FromResult(ReplyTexts.English);
}
