using System.Collections.Concurrent;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GrowthBot.Slack.Tests.Routing;

public sealed class SlackDispatcherTests : IAsyncDisposable
{
    private readonly Recorder _recorder = new();
    private readonly ServiceProvider _services;
    private ServiceProvider? _shortDeadline;

    public SlackDispatcherTests()
    {
        // The deadline runs on the real clock: a handler on a loaded machine can miss a short one, and its reply
        // then goes to the response_url instead of the ack these tests read. Only the slow handler's test, whose
        // handler is held until the ack is seen, uses a short deadline.
        _services = Build(_recorder, TimeSpan.FromMinutes(1));
    }

    private static ServiceProvider Build(Recorder recorder, TimeSpan ackDeadline)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:SigningSecret"] = "secret",
            ["Slack:AckDeadline"] = ackDeadline.ToString("c"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        // The app's business clock is frozen in tests; Slack's 3 s deadline must still run on the real one.
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSingleton(recorder);
        services.AddSlack(configuration.GetSection(SlackOptions.Section))
            .AddSlashCommand<EchoCommand>("/echo")
            .AddSlashCommand<SlowCommand>("/slow")
            .AddSlashCommand<BrokenCommand>("/broken")
            .AddSlashCommand<TimesOutCommand>("/timesout")
            .AddBlockAction<TaskDoneAction>("task_done");
        services.AddSingleton<IResponseUrlClient>(recorder);
        return services.BuildServiceProvider();
    }

    private SlackDispatcher Dispatcher => _services.GetRequiredService<SlackDispatcher>();

    private SlackDispatcher DispatcherWithShortDeadline =>
        (_shortDeadline ??= Build(_recorder, TimeSpan.FromMilliseconds(100))).GetRequiredService<SlackDispatcher>();

    private static SlashCommand Command(string name, string text = "") => new()
    {
        Command = name, Text = text, TeamId = "T1", UserId = "U1", ChannelId = "C1", ResponseUrl = "https://hooks.slack.com/commands/1", TriggerId = "1.1",
    };

    [Fact]
    public async Task A_command_is_routed_to_its_handler_and_its_reply_is_the_ack()
    {
        var ack = await Dispatcher.Command(Command("/echo", "hello"));

        var reply = Assert.IsType<SlashCommandResponse>(ack.Body);
        Assert.Equal(("ephemeral", "hello"), (reply.ResponseType, reply.Text));
    }

    [Fact]
    public async Task Commands_match_regardless_of_case()
    {
        var ack = await Dispatcher.Command(Command("/ECHO", "hi"));

        Assert.Equal("hi", Assert.IsType<SlashCommandResponse>(ack.Body).Text);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_helpful_ephemeral()
    {
        var ack = await Dispatcher.Command(Command("/nope<"));

        var reply = Assert.IsType<SlashCommandResponse>(ack.Body);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("/nope&lt;", reply.Text);
    }

    [Fact]
    public async Task A_slow_handler_is_acknowledged_empty_by_the_deadline_even_when_the_app_clock_is_frozen()
    {
        SlackAck ack;
        try
        {
            // Far beyond the 100 ms deadline, and never reached if the deadline ran on the frozen clock.
            ack = await DispatcherWithShortDeadline.Command(Command("/slow")).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _recorder.Release.TrySetResult();
            throw;
        }

        Assert.Same(SlackAck.Empty, ack);
        Assert.Empty(_recorder.Posts);

        _recorder.Release.TrySetResult();
        var (url, message) = await _recorder.NextPost();
        Assert.Equal("https://hooks.slack.com/commands/1", url);
        Assert.Equal("finally", Assert.IsType<SlashCommandResponse>(message).Text);
    }

    [Fact]
    public async Task A_handler_that_throws_gets_an_apology_and_the_next_request_is_served()
    {
        var ack = await Dispatcher.Command(Command("/broken"));

        Assert.Equal(200, ack.StatusCode);
        var reply = Assert.IsType<SlashCommandResponse>(ack.Body);
        Assert.Equal(("ephemeral", SlackDispatcher.Apology), (reply.ResponseType, reply.Text));
        Assert.Equal("still here", Assert.IsType<SlashCommandResponse>((await Dispatcher.Command(Command("/echo", "still here"))).Body).Text);
    }

    [Fact]
    public async Task A_handler_whose_own_call_times_out_gets_the_apology_in_the_ack_and_nothing_later()
    {
        var ack = await Dispatcher.Command(Command("/timesout"));

        var reply = Assert.IsType<SlashCommandResponse>(ack.Body);
        Assert.Equal(("ephemeral", SlackDispatcher.Apology), (reply.ResponseType, reply.Text));
        await _services.GetRequiredService<SlackBackgroundWork>().Idle(TimeSpan.FromSeconds(5));
        Assert.Empty(_recorder.Posts);
    }

    [Fact]
    public async Task An_action_id_with_an_argument_reaches_the_handler_registered_for_its_prefix()
    {
        var payload = new BlockActionsPayload
        {
            Team = new SlackTeam("T1"),
            User = new SlackUser("U1"),
            ResponseUrl = "https://hooks.slack.com/actions/1",
            Actions = [new BlockAction { ActionId = "task_done:T3", Type = "button" }],
        };

        var ack = await Dispatcher.Interaction(payload);

        Assert.Same(SlackAck.Empty, ack);
        Assert.Equal(["T3"], _recorder.Arguments);
    }

    [Fact]
    public async Task A_view_submission_with_an_unknown_callback_id_is_answered_with_an_apology_modal()
    {
        var ack = await Dispatcher.Interaction(new ViewSubmissionPayload { User = new SlackUser("U1"), View = new ViewPayload { Id = "V1", CallbackId = "gone" } });

        var reply = Assert.IsType<ViewSubmissionResponse>(ack.Body);
        Assert.Equal("update", reply.ResponseAction);
        Assert.Empty(BlockKitChecker.CheckView(reply.View!));
    }

    [Fact]
    public void Url_verification_is_answered_with_the_challenge()
    {
        var ack = Dispatcher.Event(new EventEnvelope { Type = "url_verification", Challenge = "c123" });

        Assert.Contains("c123", SlackJson.Serialize(ack.Body));
    }

    [Fact]
    public void The_action_registry_matches_exactly_or_by_prefix_before_a_colon()
    {
        var registry = _services.GetRequiredService<SlackHandlerRegistry>();

        Assert.Equal(typeof(TaskDoneAction), registry.Action("task_done"));
        Assert.Equal(typeof(TaskDoneAction), registry.Action("task_done:T3"));
        Assert.Null(registry.Action("task_done_now"));
        Assert.Null(registry.Action(":task_done"));
    }

    [Fact]
    public void Registering_the_same_command_twice_throws()
    {
        var builder = new SlackBuilder(new ServiceCollection(), new SlackHandlerRegistry());
        builder.AddSlashCommand<EchoCommand>("/echo");

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddSlashCommand<SlowCommand>("/Echo"));
        Assert.Contains("/Echo", error.Message);
    }

    [Fact]
    public void The_argument_of_an_action_is_what_follows_the_colon_or_else_its_value()
    {
        var payload = new BlockActionsPayload { User = new SlackUser("U1") };

        Assert.Equal("T3", new BlockActionRequest(payload, new BlockAction { ActionId = "task_done:T3", Value = "x" }).Argument);
        Assert.Equal("x", new BlockActionRequest(payload, new BlockAction { ActionId = "task_done", Value = "x" }).Argument);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_shortDeadline is not null) await _shortDeadline.DisposeAsync();
    }

    public sealed class Recorder : IResponseUrlClient
    {
        private readonly ConcurrentQueue<(string? Url, object Message)> _posts = new();
        private readonly SemaphoreSlim _posted = new(0);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentQueue<string?> Arguments { get; } = new();
        public IReadOnlyList<(string? Url, object Message)> Posts => _posts.ToList();

        public Task Post(string? responseUrl, object message, CancellationToken cancellationToken = default)
        {
            _posts.Enqueue((responseUrl, message));
            _posted.Release();
            return Task.CompletedTask;
        }

        public async Task<(string? Url, object Message)> NextPost()
        {
            Assert.True(await _posted.WaitAsync(TimeSpan.FromSeconds(10)), "nothing was posted to the response_url");
            return _posts.Last();
        }
    }

    private sealed class EchoCommand : ISlashCommandHandler
    {
        public Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken) =>
            Task.FromResult(SlashCommandResponse.Ephemeral(command.Text));
    }

    private sealed class SlowCommand(Recorder recorder) : ISlashCommandHandler
    {
        public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
        {
            await recorder.Release.Task;
            return SlashCommandResponse.Ephemeral("finally");
        }
    }

    private sealed class BrokenCommand : ISlashCommandHandler
    {
        public Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    /// <summary>A handler whose own call to something slow gave up, long before Slack's deadline.</summary>
    private sealed class TimesOutCommand : ISlashCommandHandler
    {
        public Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken) =>
            throw new TimeoutException("The CRM did not answer within 2 s.");
    }

    private sealed class TaskDoneAction(Recorder recorder) : IBlockActionHandler
    {
        public Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
        {
            recorder.Arguments.Enqueue(request.Argument);
            return Task.FromResult(ActionResponse.None);
        }
    }
}
