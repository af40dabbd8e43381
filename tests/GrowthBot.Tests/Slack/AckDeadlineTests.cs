using System.Net;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace GrowthBot.Tests.Slack;

public class AckDeadlineTests
{
    /// <summary>
    /// Only the slow command's test sets a short deadline: its handler is held until the ack has been seen, so
    /// the deadline always wins. Any other handler would race it on a busy machine.
    /// </summary>
    private static Task<GrowthBotApp> StartWithTestCommands(Gate gate, string? ackDeadline = null) => GrowthBotApp.Start(
        settings: ackDeadline is null ? null : new Dictionary<string, string?> { ["Slack:AckDeadline"] = ackDeadline },
        services: s => s
            .AddSingleton(gate)
            .AddSlackHandlers(slack => slack
                .AddSlashCommand<SlowCommand>(SlowCommand.Name)
                .AddSlashCommand<BrokenCommand>(BrokenCommand.Name)));

    [Fact]
    public async Task A_slow_command_is_acknowledged_empty_in_time_and_its_reply_follows_at_the_response_url()
    {
        var gate = new Gate();
        await using var app = await StartWithTestCommands(gate, ackDeadline: "00:00:00.200");

        var reply = await app.Command(SlowCommand.Name);
        gate.Open();

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var late = await app.Slack.WaitFor("response_url");
        Assert.Equal("ephemeral", late.Str("response_type"));
        Assert.Contains("Done at last", late.AllText);
    }

    [Fact]
    public async Task A_command_that_throws_gets_an_apology_and_the_app_keeps_serving()
    {
        await using var app = await StartWithTestCommands(new Gate());

        var reply = await app.Command(BrokenCommand.Name);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("something went wrong", reply.Text);
        var next = await app.Command("/experiment help");
        Assert.Contains("/experiment list", next.Text);
    }

    /// <summary>Holds the slow command until the test has seen the acknowledgement.</summary>
    public sealed class Gate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public Task Opened => _open.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class SlowCommand(Gate gate) : ISlashCommandHandler
    {
        public const string Name = "/slowtest";

        public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
        {
            await gate.Opened;
            return SlashCommandResponse.Ephemeral("Done at last");
        }
    }

    private sealed class BrokenCommand : ISlashCommandHandler
    {
        public const string Name = "/brokentest";

        public Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a bug in a handler");
    }
}
