using GrowthBot.Common;
using GrowthBot.Resources;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Okrs;

/// <summary>
/// The History button of a key result (<c>okr_history:KR2</c>, on <c>/okr</c> and the App Home) and <c>/okr history KR2</c>:
/// the user sees its last check-ins with value, confidence, note, who and when.
/// </summary>
public sealed class OkrHistoryButton(OkrStore okrs, Readers readers) : IBlockActionHandler
{
    public const string ActionId = "okr_history";

    /// <summary>How many check-ins are shown: ten weeks of weekly check-ins.</summary>
    public const int Shown = 10;

    /// <summary>The History button for <paramref name="kr"/>; its action id carries the short id, so many can share a block.</summary>
    public static Button For(KeyResult kr, Wording words) => new(words.Text(OkrText.HistoryButton), $"{ActionId}:{kr.ShortId}", kr.ShortId);

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var message = await Show(request.TeamId, request.UserId, request.Argument, cancellationToken);
        return ActionResponse.Ephemeral(message.Text, message.Blocks);
    }

    /// <summary>
    /// The history of the key result <paramref name="id"/> names (any objective's, current or past), or of the caller's
    /// own first key result when no id is given; otherwise what to type instead.
    /// </summary>
    public async Task<Message> Show(string teamId, string userId, string? id, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        var all = await okrs.AllKeyResults(teamId, cancellationToken);
        KeyResult? kr;
        if (string.IsNullOrWhiteSpace(id))
        {
            var current = await okrs.Current(teamId, cancellationToken);
            kr = current?.KeyResults.FirstOrDefault(k => k.OwnerId == userId) ?? current?.KeyResults.FirstOrDefault();
            if (kr is null) return new Message(words.Text(OkrText.NoObjective));
        }
        else
        {
            kr = ShortId.TryParseKeyResult(id, out var number) ? all.FirstOrDefault(k => k.Number == number) : null;
            if (kr is null)
                return new Message(OkrMessages.NotAKeyResult(id, words));
        }
        var (latest, total) = await okrs.LatestCheckIns(teamId, kr.Id, Shown, cancellationToken);
        return OkrMessages.History(kr, latest, total, words);
    }
}
