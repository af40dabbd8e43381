using GrowthBot.Resources;
using GrowthBot.Charts;
using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Charts;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using GrowthBot.Storage;

namespace GrowthBot.Features.Okrs;

/// <summary>
/// A key result's trend as a picture, privately, after <c>/okr</c> (the North Star's) and <c>/okr chart K2</c> (any key
/// result of the current objective). The command is answered at once with the text (the ▓░ bar); the chart is drawn,
/// uploaded and sent through the command's response_url once Slack has it. When Slack would not take it,
/// <c>/okr chart</c> sends its numbers instead and <c>/okr</c> leaves its text as it is.
/// </summary>
public sealed class OkrChart(
    OkrStore okrs, TeamCharts charts, SlackImages images, IResponseUrlClient responder, SlackBackgroundWork background, Readers readers, ILogger<OkrChart> logger)
{
    /// <summary>What <c>/okr chart K2</c> answers at once; the picture follows when there is one to draw.</summary>
    public async Task<Message> Command(string teamId, string userId, string? responseUrl, string? id, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        var current = await okrs.Current(teamId, cancellationToken);
        if (current is null) return new Message(words.Text(OkrText.NoObjective));
        if (string.IsNullOrWhiteSpace(id))
            return new Message(words.Text(OkrText.ChartWhich, ("example", current.KeyResults.FirstOrDefault()?.ShortId ?? ShortId.Format(ShortId.KeyResult, 1))));
        if (!ShortId.TryParseKeyResult(id, out var number))
            return new Message(OkrMessages.NotAKeyResult(id, words));
        if (current.KeyResults.FirstOrDefault(k => k.Number == number) is not { } kr)
            return (await okrs.AllKeyResults(teamId, cancellationToken)).Any(k => k.Number == number)
                ? new Message(words.Text(OkrText.ChartEarlierObjective, ("id", ShortId.Format(ShortId.KeyResult, number))))
                : new Message(OkrMessages.NotAKeyResult(id, words));
        if ((await okrs.CheckInsOf(teamId, kr.Id, cancellationToken)).Count == 0)
            return OkrMessages.NoTrendYet(kr, words);
        FollowWithChart(teamId, userId, current.Objective, kr, responseUrl, whenMissing: true);
        return OkrMessages.DrawingChart(kr, words);
    }

    /// <summary>After <c>/okr</c>'s overview: the North Star's trend, when it has check-ins to draw and Slack takes the picture.</summary>
    public void AfterOverview(string teamId, string userId, OkrSnapshot? current, string? responseUrl)
    {
        if (current is { KeyResults: [var northStar, ..] }) FollowWithChart(teamId, userId, current.Objective, northStar, responseUrl, whenMissing: false);
    }

    private void FollowWithChart(string teamId, string userId, Objective objective, KeyResult kr, string? responseUrl, bool whenMissing)
    {
        if (responseUrl is null) return;
        // Its own scope: the command's is gone by the time the chart is drawn and uploaded.
        background.Run($"send the chart of {kr.ShortId}", (services, ct) =>
            services.GetRequiredService<OkrChart>().SendChart(teamId, userId, objective, kr, responseUrl, whenMissing, ct));
    }

    private async Task SendChart(string teamId, string userId, Objective objective, KeyResult kr, string responseUrl, bool whenMissing, CancellationToken cancellationToken)
    {
        using var team = SlackTeamScope.Enter(teamId);
        // Only the person who asked sees it, so the chart speaks their language.
        var words = await readers.Person(teamId, userId, cancellationToken);
        var chart = await charts.Trend(teamId, objective, kr, words, cancellationToken);
        if (chart.Result.Image is not { } drawn)
        {
            if (whenMissing) await Reply(responseUrl, OkrMessages.ChartNotDrawn(kr, chart.Result.Reason, words), cancellationToken);
            return;
        }
        var text = $"{chart.Title}: {drawn.AltText}";
        var asText = ChartMessages.Text(text, [new SectionBlock(words.Text(OkrText.ChartNotShown))], [chart]);
        var uploaded = await charts.Upload([chart], cancellationToken);
        if (uploaded[0].Image is null)
        {
            if (whenMissing) await Reply(responseUrl, asText, cancellationToken);
            return;
        }
        await images.Send(ChartMessages.Pictures(text, [], uploaded, "okr_chart"), () => asText,
            async message => { await Reply(responseUrl, message, cancellationToken); return true; }, cancellationToken);
    }

    private async Task Reply(string responseUrl, Message message, CancellationToken cancellationToken)
    {
        try
        {
            await responder.Post(responseUrl, new { response_type = "ephemeral", text = message.Text, blocks = message.Blocks }, cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException { Error: not "invalid_blocks" } or HttpRequestException)
        {
            // The response_url expired (30 minutes, 5 uses) or Slack is down: the text the command answered with stays.
            logger.LogWarning("Could not send a key result's chart through the response_url: {Error}", e.Message);
        }
    }
}
