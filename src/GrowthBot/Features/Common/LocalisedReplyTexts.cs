using GrowthBot.Common;
using GrowthBot.Resources;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Common;

/// <summary>The Slack layer's own sentences (the apology, an unknown command) in the language of the person it answers.</summary>
public sealed class LocalisedReplyTexts(Readers readers) : IReplyTexts
{
    public async Task<ReplyTexts> For(string teamId, string userId, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        return Of(words);
    }

    public static ReplyTexts Of(Wording words) => new(
        words.Text(CommonText.Apology), words.Text(CommonText.ApologyTitle), words.Text(CommonText.Close),
        command => words.Text(CommonText.UnknownSlashCommand, ("command", command)));
}
