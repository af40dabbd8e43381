using System.Globalization;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
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
    Readers readers,
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
    public static ModalView Build(IReadOnlyList<Experiment> recentFirst, ModalOrigin origin, Wording words)
    {
        var blocks = new List<Block>
        {
            Text(Blocks.Text, words.Text(LearningText.TextField), LearningDraft.TextMax, placeholder: words.Text(LearningText.TextPlaceholder), multiline: true),
            Input(Blocks.Kind, words.Text(LearningText.AboutField), new StaticSelect
            {
                Placeholder = words.Text(LearningText.AboutPlaceholder),
                Options = Enum.GetValues<LearningKind>().Select(k => Choice(words.Label(k), k.ToString())).ToList(),
            }),
        };
        if (recentFirst.Count > 0)
        {
            blocks.Add(Input(Blocks.Experiment, words.Text(LearningText.FromField), new StaticSelect
            {
                Placeholder = words.Text(LearningText.FromPlaceholder),
                Options = recentFirst.Take(BlockKitLimits.MaxOptions).Select(e => Choice($"{e.ShortId} {e.Name}", e.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            }, optional: true, hint: words.Text(LearningText.FromHint)));
        }
        return Modal(words.Text(LearningText.LogTitle), CallbackId, words.Text(CommonText.Save), blocks, origin, words);
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
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        var errors = words.Errors(draft.Validate()).ToDictionary();
        // Only this team's experiments can be linked, whatever the submitted option says.
        Experiment? experiment = null;
        if (draft.ExperimentId is { } experimentId && (experiment = await experiments.FindById(submission.TeamId, experimentId, cancellationToken)) is null)
            errors.TryAdd(Blocks.Experiment, words.Text(LearningText.ExperimentMissing));
        if (errors.Count > 0) return ViewSubmissionResponse.WithErrors(errors);

        var learning = await learnings.Add(draft.ToLearning(submission.TeamId, submission.UserId, clock.UtcNow), cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var confirmation = LearningMessages.Saved(learning, experiment, words);
        background.TellAfterAck($"confirm {learning.ShortId}", submission.UserId, origin, confirmation, words);
        return ViewSubmissionResponse.Close;
    }
}
