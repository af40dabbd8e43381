using GrowthBot.Features;
using GrowthBot.Hosting;
using GrowthBot.Jobs;
using GrowthBot.Slack.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddGrowthBotCore();
builder.AddStorage();
builder.AddGrowthFeatures();
builder.AddScheduledPosts();

var app = builder.Build();

if (!await app.PrepareToServe()) return 1;

app.MapSlackEndpoints();
app.MapHealth();

await app.RunAsync();
return Environment.ExitCode;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
