using System.Text;
using GrowthBot.Slack.Http;
using GrowthBot.Slack.Payloads;

namespace GrowthBot.Slack.Tests.Payloads;

public class SlashCommandTests
{
    private const string Full =
        "token=x&team_id=T1&team_domain=acme&channel_id=C1&channel_name=growth&user_id=U1&user_name=alice" +
        "&command=%2Fexperiment&text=show+E3&api_app_id=A1&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&trigger_id=1.2.3";

    private static SlashCommand? Parse(string body) => SlashCommand.FromForm(SlackEndpoints.ParseForm(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Every_field_Slack_sends_is_read()
    {
        var command = Parse(Full)!;

        Assert.Equal("/experiment", command.Command);
        Assert.Equal("show E3", command.Text);
        Assert.Equal(("T1", "acme", "U1", "alice"), (command.TeamId, command.TeamDomain, command.UserId, command.UserName));
        Assert.Equal(("C1", "growth", "A1"), (command.ChannelId, command.ChannelName, command.ApiAppId));
        Assert.Equal("https://hooks.slack.com/commands/1", command.ResponseUrl);
        Assert.Equal("1.2.3", command.TriggerId);
    }

    [Fact]
    public void Plus_signs_and_percent_escapes_are_decoded()
    {
        var command = Parse("command=%2Fexperiment&team_id=T1&user_id=U1&text=new+idea+%26+more%3A+%3C%21channel%3E+caf%C3%A9+1%2B1")!;

        Assert.Equal("new idea & more: <!channel> café 1+1", command.Text);
    }

    [Theory]
    [InlineData("team_id=T1&user_id=U1&text=x")]
    [InlineData("command=%2Fexperiment&user_id=U1")]
    [InlineData("command=%2Fexperiment&team_id=T1")]
    [InlineData("command=&team_id=T1&user_id=U1")]
    [InlineData("")]
    public void A_form_without_command_team_or_user_is_not_a_command(string body)
    {
        Assert.Null(Parse(body));
    }

    [Fact]
    public void Optional_fields_default_to_empty_or_null()
    {
        var command = Parse("command=%2Fexperiment&team_id=T1&user_id=U1")!;

        Assert.Equal(("", ""), (command.Text, command.ChannelId));
        Assert.Null(command.ResponseUrl);
        Assert.Null(command.TriggerId);
    }
}
