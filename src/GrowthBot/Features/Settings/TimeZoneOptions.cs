using System.Globalization;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Settings;

/// <summary>
/// The time-zone choice of <c>/growth settings</c>: every IANA zone this machine knows, matched on what the person types
/// (a city, a region, an offset like <c>+13</c>), the closest matches first, at most Slack's 100 options.
/// </summary>
public sealed class TimeZoneOptions(TimeProvider time) : IBlockOptionsProvider
{
    public const string ActionId = "growth_settings_zone";

    /// <summary>Offered before anything is typed: where growth teams using the bot tend to be.</summary>
    public static readonly IReadOnlyList<string> Popular =
    [
        "UTC", "Europe/London", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Helsinki",
        "Europe/Istanbul", "Europe/Moscow", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
        "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
    ];

    private static readonly Lazy<IReadOnlyList<TimeZoneInfo>> Zones = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId || z.Id == "UTC").OrderBy(z => z.Id, StringComparer.Ordinal).ToList());

    /// <summary>The select, showing <paramref name="current"/> chosen; its options come from this provider.</summary>
    public static ExternalSelect For(TimeZoneInfo current, DateTimeOffset now, string placeholder) => new()
    {
        ActionId = ActionId,
        Placeholder = new PlainText(placeholder),
        InitialOption = Choice(current, now),
        MinQueryLength = 0,
    };

    public Task<OptionsResponse> GetOptions(BlockSuggestionPayload suggestion, CancellationToken cancellationToken) =>
        Task.FromResult(new OptionsResponse(Matching(suggestion.Value, time.GetUtcNow())));

    /// <summary>The zones matching <paramref name="typed"/>: a city or region starting with it first, then any mention of it.</summary>
    public static IReadOnlyList<Option> Matching(string? typed, DateTimeOffset now)
    {
        var query = Normalise(typed);
        IEnumerable<TimeZoneInfo> found = query.Length == 0
            ? Popular.Select(id => Zones.Value.FirstOrDefault(z => z.Id == id)).OfType<TimeZoneInfo>()
            : Zones.Value
                .Select(z => (Zone: z, Rank: Rank(z, query, now)))
                .Where(m => m.Rank >= 0)
                .OrderBy(m => m.Rank).ThenBy(m => m.Zone.Id, StringComparer.Ordinal)
                .Select(m => m.Zone);
        return found.Take(BlockKitLimits.MaxOptions).Select(z => Choice(z, now)).ToList();
    }

    /// <summary>0: the whole id; 1: a part of it (a city, a region) starts with the text; 2: the id contains it; 3: its offset or long name does; -1: no match.</summary>
    private static int Rank(TimeZoneInfo zone, string query, DateTimeOffset now)
    {
        var id = Normalise(zone.Id);
        if (id == query) return 0;
        if (id.Split('/').Any(part => part.StartsWith(query, StringComparison.Ordinal))) return 1;
        if (id.Contains(query, StringComparison.Ordinal)) return 2;
        return Normalise($"{Offset(zone, now)} {zone.StandardName} {zone.DisplayName}").Contains(query, StringComparison.Ordinal) ? 3 : -1;
    }

    private static string Normalise(string? text) => (text ?? "").Trim().Replace('_', ' ').ToLowerInvariant();

    private static Option Choice(TimeZoneInfo zone, DateTimeOffset now) =>
        Modals.Choice(zone.Id == "UTC" ? "UTC" : $"{zone.Id.Replace('_', ' ')} ({Offset(zone, now)})", zone.Id);

    /// <summary>The zone's offset now, e.g. <c>UTC+13:00</c> (Auckland in summer).</summary>
    private static string Offset(TimeZoneInfo zone, DateTimeOffset now)
    {
        var offset = zone.GetUtcOffset(now);
        return "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }
}
