using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Features;
using GrowthBot.Hosting;
using GrowthBot.Jobs;
using GrowthBot.Slack;
using GrowthBot.Slack.Http;
using GrowthBot.Slack.OAuth;
using GrowthBot.Storage;

var builder = WebApplication.CreateBuilder(args);

// One line per layer, bottom up; each registers only its own services (and its /health entry).
builder.AddCore();
builder.AddSlack();
builder.AddStorage();
builder.AddDelivery();
builder.AddFeatures();
builder.AddSchedule();
builder.AddHosting();

var app = builder.Build();

if (!await app.PrepareToServe()) return 1;

app.MapSlackEndpoints();
app.MapSlackInstall(SlackApp.InstallPage);
app.MapHealth();

await app.RunAsync();
return Environment.ExitCode;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
