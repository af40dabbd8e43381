namespace GrowthBot.Delivery;

public static class DeliveryRegistration
{
    /// <summary>Exactly-once posting of scheduled messages, paced under Slack's rate limits, charts shown only once Slack has them, and the one rule for when a direct message may go.</summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PostPacer>();
        builder.Services.AddSingleton<DirectMessageTiming>();
        builder.Services.AddSingleton<SlackImages>();
        builder.Services.AddSingleton<ScheduledDelivery>();
        return builder;
    }
}
