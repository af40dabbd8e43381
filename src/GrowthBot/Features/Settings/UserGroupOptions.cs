using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Features.Settings;

/// <summary>
/// The user-group choice of <c>/growth settings</c> ("who rates lead quality"): the workspace's groups from
/// usergroups.list, matched on their handle or name as the person types, so nobody has to copy an <c>S0…</c> id.
/// </summary>
public sealed class UserGroupOptions(UserGroupDirectory groups, ILogger<UserGroupOptions> logger) : IBlockOptionsProvider
{
    public const string ActionId = "growth_settings_sales_group";

    /// <summary>The select, showing the saved group (<paramref name="groupId"/>, named <paramref name="label"/>) chosen.</summary>
    public static ExternalSelect For(string? groupId, string? label, string placeholder) => new()
    {
        ActionId = ActionId,
        Placeholder = new PlainText(placeholder),
        InitialOption = groupId is null ? null : Modals.Choice(label ?? groupId, groupId),
        MinQueryLength = 0,
    };

    public async Task<OptionsResponse> GetOptions(BlockSuggestionPayload suggestion, CancellationToken cancellationToken)
    {
        IReadOnlyList<UserGroup> all;
        try
        {
            all = await groups.All(cancellationToken);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("usergroups.list failed ({Error}); the settings form offers no user groups", e.Error);
            return new OptionsResponse([]);
        }
        var query = (suggestion.Value ?? "").Trim().TrimStart('@');
        bool Has(string text) => text.Contains(query, StringComparison.OrdinalIgnoreCase);
        var matching = all
            .Where(g => query.Length == 0 || Has(g.Handle) || Has(g.Name))
            .OrderBy(g => g.Handle.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(g => g.Handle, StringComparer.OrdinalIgnoreCase);
        return new OptionsResponse(matching.Take(BlockKitLimits.MaxOptions).Select(g => Modals.Choice(UserGroupDirectory.LabelOf(g), g.Id)).ToList());
    }
}
