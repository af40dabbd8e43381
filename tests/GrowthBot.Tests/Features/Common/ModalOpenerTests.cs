using GrowthBot.Features.Common;
using GrowthBot.Resources;
using GrowthBot.Slack.Routing;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Features.Common;

public class ModalOpenerTests
{
    /// <summary>Sends <paramref name="commandLine"/> as Slack would, but without a trigger_id.</summary>
    private static async Task<SlackReply> WithoutTrigger(GrowthBotApp app, string commandLine, string user)
    {
        var space = commandLine.IndexOf(' ');
        var form = new Dictionary<string, string>
        {
            ["team_id"] = GrowthBotApp.TeamId, ["channel_id"] = GrowthBotApp.GrowthChannel, ["user_id"] = user,
            ["command"] = commandLine[..space], ["text"] = commandLine[(space + 1)..], ["response_url"] = app.Slack.ResponseUrl("no-trigger"),
        };
        return await SlackReply.From(await app.PostSigned("/slack/command", GrowthBotApp.Form(form), "application/x-www-form-urlencoded"));
    }

    [Theory]
    [InlineData("/experiment new", GrowthBotApp.Alice)]
    [InlineData("/task new", GrowthBotApp.Alice)]
    [InlineData("/learning new", GrowthBotApp.Alice)]
    [InlineData("/okr set", GrowthBotApp.Lead)]
    [InlineData("/growth settings", GrowthBotApp.Lead)]
    public async Task A_command_without_a_trigger_says_so_and_opens_nothing(string command, string user)
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await WithoutTrigger(app, command, user);

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Equal(Wording.English.Text(CommonText.NoTrigger), reply.Text.Trim());
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }

    [Theory]
    [InlineData("expired_trigger_id")]
    [InlineData("exchanged_trigger_id")]
    public async Task A_trigger_Slack_refuses_is_explained_instead_of_apologised_for(string error)
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.Script("views.open", FakeResponse.Fail(error));

        var reply = await app.Command("/experiment new");

        Assert.Single(app.Slack.CallsTo("views.open"));
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Equal(SlackErrorText.Explain(error, Wording.English), reply.Text.Trim());
        Assert.DoesNotContain(SlackDispatcher.Apology, reply.Text);
    }
}
