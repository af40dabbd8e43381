using GrowthBot.Resources;
using System.Collections.Concurrent;
using System.Globalization;
using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Features.Charts;
using GrowthBot.Features.Common;
using GrowthBot.Storage;

namespace GrowthBot.Features.Home;

/// <summary>
/// The North Star's trend on the App Home. Every person's home shows the same picture, so it is drawn and uploaded
/// once per team and kept while its numbers (and the team's today, which moves the plan's "by now") stay the same; a
/// chart Slack did not take is tried again only after <see cref="RetryAfter"/>, so a team without <c>files:write</c>
/// does not upload on every refresh. One picture for everyone means one language on it: the team's. Homes are published while it is drawn for the first time, one team at a time.
/// </summary>
public sealed class HomeChart(OkrStore okrs, TeamCharts charts, TeamClock clock, Readers readers)
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry> _shown = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _drawing = new(StringComparer.Ordinal);

    /// <summary>The team's North Star trend as Slack holds it; null without check-ins, or when Slack would not take it.</summary>
    public async Task<SlackImage?> For(string teamId, CancellationToken cancellationToken)
    {
        if (await okrs.Current(teamId, cancellationToken) is not { KeyResults: [var northStar, ..] } okr) return null;
        var checkIns = await okrs.CheckInsOf(teamId, northStar.Id, cancellationToken);
        if (checkIns.Count == 0) return null;
        var words = readers.Channel(teamId);
        var numbers = string.Join("|", words.Language.Code, okr.Objective.Id, okr.Objective.Period, northStar.Id, northStar.Name, northStar.Unit,
            northStar.Baseline.ToString(CultureInfo.InvariantCulture), northStar.Target.ToString(CultureInfo.InvariantCulture),
            checkIns.Count, checkIns[^1].Id, clock.Today(teamId).DayNumber);

        var gate = _drawing.GetOrAdd(teamId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_shown.TryGetValue(teamId, out var known) && known.Numbers == numbers && (known.Image is not null || clock.UtcNow - known.At < RetryAfter))
                return known.Image;
            var chart = await charts.Trend(teamId, okr.Objective, northStar, words, cancellationToken);
            var image = chart.Result.HasImage ? (await charts.Upload([chart], cancellationToken))[0].Image : null;
            _shown[teamId] = new Entry(numbers, image, clock.UtcNow);
            return image;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Slack would not show the picture in a home: homes go without it until the numbers change or <see cref="RetryAfter"/> passes.</summary>
    public void Refused(string teamId, SlackImage image)
    {
        if (_shown.TryGetValue(teamId, out var known) && known.Image == image) _shown[teamId] = known with { Image = null, At = clock.UtcNow };
    }

    private sealed record Entry(string Numbers, SlackImage? Image, DateTimeOffset At);
}
