using System.Collections.Concurrent;
using GrowthBot.Slack;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GrowthBot.Tests.Slack;

/// <summary>Handlers only tests register: they record what reached them, or wait until released.</summary>
internal static class TestHandlers
{
    /// <summary>Adds a recording handler for <c>app_mention</c> and <c>message</c> events and the <c>/slow</c> command.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<HandledEvents>();
        services.AddSingleton<SlowCommandGate>();
        services.SlackHandlers()
            .AddEvent<RecordingEventHandler>("app_mention")
            .AddEvent<RecordingEventHandler>("message")
            .AddSlashCommand<SlowCommand>(SlowCommand.Name);
    }
}

/// <summary>Event ids the test event handler saw, in order.</summary>
internal sealed class HandledEvents
{
    public ConcurrentQueue<EventCallback> Seen { get; } = new();

    public IReadOnlyList<string> Ids => Seen.Select(e => e.EventId).ToList();
}

internal sealed class RecordingEventHandler(HandledEvents handled) : IEventHandler
{
    public Task Handle(EventCallback callback, CancellationToken cancellationToken)
    {
        handled.Seen.Enqueue(callback);
        return Task.CompletedTask;
    }
}

/// <summary>Lets a test hold a slash command's handler until it says so.</summary>
internal sealed class SlowCommandGate
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A slash command that answers only once the test releases it.</summary>
internal sealed class SlowCommand(SlowCommandGate gate) : ISlashCommandHandler
{
    public const string Name = "/slow";

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        gate.Started.TrySetResult();
        await gate.Release.Task;
        return SlashCommandResponse.Ephemeral("done slowly");
    }
}
