namespace GrowthBot.Common;

public static class CoreRegistration
{
    /// <summary>The environment's options, each team's settings and clock, who the growth leads are, people's time zones and languages, and the user groups.</summary>
    public static IHostApplicationBuilder AddCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GrowthBotOptions>().Bind(builder.Configuration.GetSection(GrowthBotOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TeamSettingsService>();
        builder.Services.AddSingleton<TeamClock>();
        builder.Services.AddSingleton<GrowthLeads>();
        builder.Services.AddSingleton<UserProfiles>();
        builder.Services.AddSingleton<Readers>();
        builder.Services.AddSingleton<UserGroupDirectory>();
        builder.Services.AddSingleton<LeadRaters>();
        return builder;
    }
}
