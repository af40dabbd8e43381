using System.Globalization;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Learnings;

/// <summary>The Log learning modal: the user records what the team learned and gets its id (L4) back.</summary>
public sealed class LogLearningModal(
    ExperimentStore experiments,
    LearningStore learnings,
    TeamClock clock,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "learning_new";

    public static class Blocks
    {
        public const string Text = LearningDraft.Fields.Text;
        public const string Kind = LearningDraft.Fields.Kind;
        public const string Experiment = LearningDraft.Fields.Experiment;
    }

    /// <summary>
    /// Builds the modal. <paramref name="recentFirst"/> are the team's experiments, newest first; a static select
    /// holds at most 100 options, so the 100 most recent are offered (older ones are rarely the subject).
    /// </summary>
    public static ModalView Build(IReadOnlyList<Experiment> recentFirst, ModalOrigin origin)
    {
        var blocks = new List<Block>
        {
            Text(Blocks.Text, "What did we learn?", LearningDraft.TextMax, placeholder: "CMOs of 100-person companies answer InMail within a day", multiline: true),
            Input(Blocks.Kind, "About", new StaticSelect
            {
                Placeholder = "Choose what it is about",
                Options = Enum.GetValues<LearningKind>().Select(k => Choice(k.Label(), k.ToString())).ToList(),
            }),
        };
        if (recentFirst.Count > 0)
        {
            blocks.Add(Input(Blocks.Experiment, "Experiment it comes from", new StaticSelect
            {
                Placeholder = "Choose an experiment",
                Options = recentFirst.Take(BlockKitLimits.MaxOptions).Select(e => Choice($"{e.ShortId} {e.Name}", e.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            }, optional: true, hint: "Optional. ICP, channel and process learnings often come from no single experiment."));
        }
        return Modal("Log learning", CallbackId, "Save", blocks, origin);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var values = new ViewValues(submission.View.State);
        var draft = new LearningDraft
        {
            Text = values.Text(Blocks.Text),
            Kind = Enum.TryParse<LearningKind>(values.Selected(Blocks.Kind), out var kind) ? kind : null,
            ExperimentId = long.TryParse(values.Selected(Blocks.Experiment), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        };
        var errors = draft.Validate();
        // Only this team's experiments can be linked, whatever the submitted option says.
        Experiment? experiment = null;
        if (draft.ExperimentId is { } experimentId && (experiment = await experiments.FindById(submission.TeamId, experimentId, cancellationToken)) is null)
            errors.Add(Blocks.Experiment, "That experiment doesn't exist in this workspace; please choose another.");
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(errors.ByField);

        var learning = await learnings.Add(draft.ToLearning(submission.TeamId, submission.UserId, clock.UtcNow), cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var confirmation = LearningMessages.Saved(learning, experiment);
        background.TellAfterAck($"confirm {learning.ShortId}", submission.UserId, origin, confirmation);
        return ViewSubmissionResponse.Close;
    }
}
