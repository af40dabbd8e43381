using GrowthBot.Resources;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Help;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Features.Experiments;

public class ExperimentCommandTests
{
    private static async Task Seed(GrowthBotApp app, string name, ExperimentStatus status, int impact, int confidence, int ease, int endsInDays = 7)
    {
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        await app.Service<ExperimentStore>().Add(new Experiment
        {
            TeamId = GrowthBotApp.TeamId,
            Name = name,
            Hypothesis = $"{name} will work",
            Stage = FunnelStage.Acquisition,
            Ice = new IceScore(impact, confidence, ease),
            OwnerId = GrowthBotApp.Bob,
            StartDate = today,
            EndDate = today.AddDays(endsInDays),
            Status = status,
            CreatedBy = GrowthBotApp.Alice,
            CreatedAt = app.Time.GetUtcNow(),
        });
    }

    /// <summary>Text that Slack parses for mentions: mrkdwn objects and a message's fallback text (not plain_text).</summary>
    private static string MrkdwnOf(JsonNode? node)
    {
        var builder = new StringBuilder();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o when o["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() == "plain_text":
                    break;
                case JsonObject o:
                    foreach (var (key, value) in o)
                        if (key == "text" && value is JsonValue v && v.GetValueKind() == JsonValueKind.String) builder.AppendLine(v.GetValue<string>());
                        else Walk(value);
                    break;
                case JsonArray a:
                    foreach (var item in a) Walk(item);
                    break;
            }
        }
        Walk(node);
        return builder.ToString();
    }

    [Fact]
    public async Task List_shows_running_experiments_first_then_the_backlog_by_ICE()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app, "Low idea", ExperimentStatus.Backlog, 3, 3, 3);              // E1, ICE 3
        await Seed(app, "Running late", ExperimentStatus.Running, 5, 5, 5, 10);      // E2
        await Seed(app, "Top idea", ExperimentStatus.Backlog, 9, 8, 9);              // E3, ICE 8.7
        await Seed(app, "Done already", ExperimentStatus.Concluded, 10, 10, 10);     // E4
        await Seed(app, "Running soon", ExperimentStatus.Running, 2, 2, 2, 2);       // E5
        await Seed(app, "Middle idea", ExperimentStatus.Backlog, 7, 7, 8);           // E6, ICE 7.3

        var reply = await app.Command("/experiment list");

        Assert.Equal("ephemeral", reply.ResponseType);
        var text = reply.Text;
        var order = new[] { "Running soon", "Running late", "Top idea", "Middle idea", "Low idea" }.Select(n => text.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("Done already", text);
        Assert.Contains("ICE *8.7* (9/8/9)", text);
        Assert.Contains("ICE *7.3*", text);
        Assert.Contains("2 running, 3 in the backlog", text);
    }

    [Fact]
    public async Task List_seeded_through_the_modal_ranks_the_better_idea_first()
    {
        await using var app = await GrowthBotApp.Start();
        foreach (var (name, ice) in new[] { ("Webinar", "4"), ("Referral bonus", "9") })
        {
            await app.Command("/experiment new");
            await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
                .Text(B.Name, name).Text(B.Hypothesis, "h").Select(B.Stage, "Referral")
                .Number(B.Impact, ice).Number(B.Confidence, ice).Number(B.Ease, ice));
        }

        var text = (await app.Command("/experiment list")).Text;

        Assert.True(text.IndexOf("Referral bonus", StringComparison.Ordinal) < text.IndexOf("Webinar", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task List_when_there_are_no_experiments_says_how_to_log_one()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command("/experiment list");

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("No experiments yet", reply.Text);
        Assert.Contains("/experiment new", reply.Text);
    }

    [Fact]
    public async Task List_leaves_out_other_workspaces()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Service<ExperimentStore>().Add(new Experiment
        {
            TeamId = "T0OTHER", Name = "Their secret", Hypothesis = "h", OwnerId = "U9", CreatedBy = "U9", Ice = new IceScore(9, 9, 9),
            StartDate = new DateOnly(2026, 11, 18), EndDate = new DateOnly(2026, 11, 25),
        });

        var reply = await app.Command("/experiment list");

        Assert.DoesNotContain("Their secret", reply.Text);
        Assert.Contains("No experiments yet", reply.Text);
    }

    [Fact]
    public async Task Show_an_unknown_id_says_so_and_points_to_the_list()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command("/experiment show E99");

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("There is no experiment E99", reply.Text);
        Assert.Contains("/experiment list", reply.Text);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("T3")]
    [InlineData("E0")]
    public async Task Show_with_something_that_is_not_an_id_explains_what_ids_look_like(string argument)
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command($"/experiment show {argument}");

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains($"`{argument}` is not an experiment id", reply.Text);
        Assert.Contains("E3", reply.Text);
    }

    [Fact]
    public async Task Show_without_an_id_asks_which_one()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command("/experiment show");

        Assert.Contains("Which experiment?", reply.Text);
    }

    [Fact]
    public async Task Show_accepts_the_id_in_any_case_and_shows_the_card()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app, "Cold email", ExperimentStatus.Backlog, 7, 7, 8);

        var reply = await app.Command("/experiment show e1");

        Assert.Contains("E1 · Cold email", reply.Text);
        Assert.Contains("ICE = (7 + 7 + 8) ÷ 3 = 7.3", reply.Text);
        Assert.Contains("Cold email will work", reply.Text);
    }

    [Theory]
    [InlineData("/experiment help")]
    [InlineData("/experiment")]
    [InlineData("/experiment   HELP  ")]
    public async Task Help_and_no_argument_show_the_usage(string command)
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command(command);

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Equal(CommandHelp.Usage(ExperimentCommand.Name, Wording.English, DateOnly.FromDateTime(GrowthBotApp.DefaultNow.UtcDateTime)), reply.Text.TrimEnd('\n'));
    }

    [Fact]
    public async Task An_unknown_subcommand_is_named_in_a_helpful_answer()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command("/experiment frobnicate E1");

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("I don't know `/experiment frobnicate`", reply.Text);
        Assert.Contains("/experiment new", reply.Text);
    }

    [Fact]
    public async Task An_unknown_subcommand_is_escaped_too()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command("/experiment <!channel>");

        Assert.Contains("&lt;!channel&gt;", reply.Text);
        Assert.DoesNotContain("<!channel>", reply.Text);
    }

    [Fact]
    public async Task User_text_is_escaped_in_the_confirmation_the_list_and_the_card()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/experiment new");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "Ping <!channel> & <@U123>")
            .Text(B.Hypothesis, "Tell <!here> that A&B > C")
            .Text(B.Metric, "<@U123> signups")
            .Select(B.Stage, "Activation")
            .Number(B.Impact, "5").Number(B.Confidence, "5").Number(B.Ease, "5"));

        var confirmation = MrkdwnOf((await app.Slack.WaitFor("response_url")).Args);
        var list = MrkdwnOf((await app.Command("/experiment list")).Body);
        var card = MrkdwnOf((await app.Command("/experiment show E1")).Body);

        foreach (var (what, text) in new[] { ("confirmation", confirmation), ("list", list), ("card", card) })
        {
            Assert.True(text.Contains("Ping &lt;!channel&gt; &amp; &lt;@U123&gt;"), $"{what} does not show the escaped name:\n{text}");
            Assert.False(text.Contains("<!channel>") || text.Contains("<@U123>"), $"{what} could ping someone:\n{text}");
        }
        Assert.Contains("Tell &lt;!here&gt; that A&amp;B &gt; C", card);
        Assert.Contains("&lt;@U123&gt; signups", card);
        Assert.DoesNotContain("<!here>", card);
    }
}
