using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Icp;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Icp;

/// <summary>
/// The ICP modal (growth leads): decision-makers' titles, buyers, users, company size, industries, regions and notes,
/// filled with the profile as it is. Saved, the lead sees the profile as the team will read it.
/// </summary>
public sealed class IcpModal(
    IcpStore profiles,
    LearningStore learnings,
    GrowthLeads leads,
    TeamClock clock,
    ModalOpener opener,
    SlackBackgroundWork background,
    Readers readers) : IViewSubmissionHandler
{
    public const string CallbackId = "icp_save";

    /// <summary>Opens the modal for a growth lead; otherwise, or when Slack refused, what to tell the user.</summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        if (!await leads.IsLead(userId, cancellationToken))
            return words.Text(IcpText.Locked, ("whoCan", leads.WhoCan(words)));
        return await opener.Open(triggerId, Build(await profiles.Get(teamId, cancellationToken), origin, words), words, cancellationToken);
    }

    public static ModalView Build(IdealCustomerProfile? profile, ModalOrigin origin, Wording words)
    {
        var values = profile?.Fields.ToDictionary(f => f.Field, f => f.Value) ?? [];
        var blocks = new List<Block>
        {
            new ContextBlock(words.Text(IcpText.Intro)),
        };
        foreach (var field in Enum.GetValues<IcpField>())
        {
            var (placeholder, hint) = Example(field, words);
            blocks.Add(Text(IcpDraft.Block(field), IcpMessages.Label(field, words), IcpDraft.MaxLength(field), values.GetValueOrDefault(field), placeholder,
                multiline: true, optional: true, hint: hint));
        }
        return Modal(words.Text(IcpText.ModalTitle), CallbackId, words.Text(CommonText.Save), blocks, origin, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string>
            {
                [IcpDraft.Block(IcpField.Titles)] = InlineError(words.Text(IcpText.OnlyLeadsInline, ("whoCan", leads.WhoCan(words)))),
            });

        var values = new ViewValues(submission.View.State);
        string? Field(IcpField field) => values.Text(IcpDraft.Block(field));
        var draft = new IcpDraft(Field(IcpField.Titles), Field(IcpField.Buyers), Field(IcpField.Users), Field(IcpField.CompanySize),
            Field(IcpField.Industries), Field(IcpField.Regions), Field(IcpField.Notes));
        var errors = draft.Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors));

        var profile = draft.ToProfile(submission.TeamId, submission.UserId, clock.UtcNow);
        await profiles.Save(profile, cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        background.Run("confirm the ICP", async (services, ct) =>
        {
            var (latest, total) = await learnings.OfKind(profile.TeamId, LearningKind.Icp, IcpMessages.LearningsShown, ct);
            await services.GetRequiredService<UserNotifier>().Tell(submission.UserId, origin, IcpMessages.Saved(profile, latest, total, words), words, ct);
        });
        return ViewSubmissionResponse.Close;
    }

    private static (string Placeholder, string? Hint) Example(IcpField field, Wording words) => field switch
    {
        IcpField.Titles => (words.Text(IcpText.TitlesPlaceholder), words.Text(IcpText.TitlesHint)),
        IcpField.Buyers => (words.Text(IcpText.BuyersPlaceholder), words.Text(IcpText.BuyersHint)),
        IcpField.Users => (words.Text(IcpText.UsersPlaceholder), words.Text(IcpText.UsersHint)),
        IcpField.CompanySize => (words.Text(IcpText.CompanySizePlaceholder), null),
        IcpField.Industries => (words.Text(IcpText.IndustriesPlaceholder), null),
        IcpField.Regions => (words.Text(IcpText.RegionsPlaceholder), null),
        _ => (words.Text(IcpText.NotesPlaceholder), null),
    };
}
