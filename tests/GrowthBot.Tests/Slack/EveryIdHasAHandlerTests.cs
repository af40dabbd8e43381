using System.Text.Json.Nodes;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Home;
using GrowthBot.Features.Tasks;
using GrowthBot.Jobs;
using GrowthBot.Slack;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;
using T = GrowthBot.Features.Tasks.NewTaskModal.Blocks;

namespace GrowthBot.Tests.Slack;

/// <summary>
/// Walks every message, modal and Home view the bot renders, through its real flows, and proves that each button,
/// select and submittable modal reaches a registered handler, and that each registered action and modal is rendered
/// somewhere (so a new handler without a way to reach it, or a renderer writing an id of its own, fails here).
/// </summary>
public class EveryIdHasAHandlerTests
{
    [Fact]
    public async Task Every_action_id_and_callback_id_the_bot_renders_reaches_a_registered_handler_and_every_handler_is_rendered()
    {
        await using var app = await GrowthBotApp.Start();
        await EverySurface.Walk(app);

        var registry = app.Service<SlackHandlerRegistry>();
        var sent = app.Sent;
        Assert.Empty(sent.SelectMany(p => SlackIds.Unanswered(p, registry)).Distinct());

        var rendered = sent.SelectMany(SlackIds.ActionIds).Select(registry.Action).ToHashSet();
        var neverRendered = registry.Actions.Where(id => !rendered.Contains(registry.Action(id))).ToList();
        Assert.Empty(neverRendered);
        var modals = sent.SelectMany(SlackIds.SubmittableModals).ToHashSet();
        var neverOpened = registry.ViewSubmissions.Where(id => !modals.Contains(id)).ToList();
        Assert.Empty(neverOpened);
        var selects = sent.SelectMany(SlackIds.ExternalSelects).ToHashSet();
        Assert.DoesNotContain(registry.OptionsProviders, id => !selects.Contains(id));
    }

    [Fact]
    public void An_id_no_handler_answers_is_reported_and_an_answered_one_is_not()
    {
        var registry = new SlackHandlerRegistry();
        new SlackBuilder(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), registry)
            .AddBlockAction<TaskDoneButton>(TaskDoneButton.ActionId)
            .AddViewSubmission<NewTaskModal>(NewTaskModal.CallbackId);
        var message = JsonNode.Parse("""
            {"text":"x","blocks":[
              {"type":"actions","elements":[{"type":"button","action_id":"task_done:T1"},{"type":"button","action_id":"task_gone:T1"},
                                            {"type":"button","action_id":"docs","url":"https://example.com"}]},
              {"type":"section","text":{"type":"mrkdwn","text":"x"},"accessory":{"type":"button","action_id":"orphan"}},
              {"type":"input","block_id":"title","label":{"type":"plain_text","text":"Title"},"element":{"type":"plain_text_input","action_id":"value"}},
              {"type":"input","block_id":"zone","label":{"type":"plain_text","text":"Zone"},"element":{"type":"external_select","action_id":"zone_nobody_answers"}}]}
            """);
        var views = JsonNode.Parse("""
            [{"type":"modal","callback_id":"task_new","submit":{"type":"plain_text","text":"Add"},"blocks":[]},
             {"type":"modal","callback_id":"task_gone","submit":{"type":"plain_text","text":"Save"},"blocks":[]},
             {"type":"modal","title":{"type":"plain_text","text":"Sorry"},"close":{"type":"plain_text","text":"Close"},"blocks":[]}]
            """);

        Assert.Equal(["no handler for action_id 'task_gone:T1'", "no handler for action_id 'orphan'", "no options provider for the external select 'zone_nobody_answers'"],
            SlackIds.Unanswered(message, registry));
        Assert.Equal(["no handler for the submission of modal 'task_gone'"], SlackIds.Unanswered(views, registry));
    }
}
