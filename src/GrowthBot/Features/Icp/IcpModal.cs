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
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "icp_save";

    /// <summary>Opens the modal for a growth lead; otherwise, or when Slack refused, what to tell the user.</summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, ModalOrigin origin, CancellationToken cancellationToken)
    {
        if (!await leads.IsLead(userId, cancellationToken))
            return $":lock: The ideal customer profile is written by {leads.WhoCan(Wording.English)}. `/icp` shows it; add what you learn with `/learning new` (kind ICP).";
        return await opener.Open(triggerId, Build(await profiles.Get(teamId, cancellationToken), origin), Wording.English, cancellationToken);
    }

    public static ModalView Build(IdealCustomerProfile? profile, ModalOrigin origin)
    {
        var values = profile?.Fields.ToDictionary(f => f.Field, f => f.Value) ?? [];
        var blocks = new List<Block>
        {
            new ContextBlock("Everything you know about your best customers, in one place. Leave a field empty if you don't know yet: a best guess beats a blank page."),
        };
        foreach (var field in Enum.GetValues<IcpField>())
        {
            var (placeholder, hint) = Example(field);
            blocks.Add(Text(IcpDraft.Block(field), IcpMessages.Label(field), IcpDraft.MaxLength(field), values.GetValueOrDefault(field), placeholder,
                multiline: true, optional: true, hint: hint));
        }
        return Modal("Ideal customer profile", CallbackId, "Save", blocks, origin, Wording.English);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [IcpDraft.Block(IcpField.Titles)] = InlineError($"Only {leads.WhoCan(Wording.English)} can change the ideal customer profile.") });

        var values = new ViewValues(submission.View.State);
        string? Field(IcpField field) => values.Text(IcpDraft.Block(field));
        var draft = new IcpDraft(Field(IcpField.Titles), Field(IcpField.Buyers), Field(IcpField.Users), Field(IcpField.CompanySize),
            Field(IcpField.Industries), Field(IcpField.Regions), Field(IcpField.Notes));
        var errors = draft.Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(Wording.English.Errors(errors));

        var profile = draft.ToProfile(submission.TeamId, submission.UserId, clock.UtcNow);
        await profiles.Save(profile, cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        background.Run("confirm the ICP", async (services, ct) =>
        {
            var (latest, total) = await learnings.OfKind(profile.TeamId, LearningKind.Icp, IcpMessages.LearningsShown, ct);
            await services.GetRequiredService<UserNotifier>().Tell(submission.UserId, origin, IcpMessages.Saved(profile, latest, total, Wording.English), Wording.English, ct);
        });
        return ViewSubmissionResponse.Close;
    }

    private static (string Placeholder, string? Hint) Example(IcpField field) => field switch
    {
        IcpField.Titles => ("CMO, Head of Growth, VP Marketing", "Who decides to buy."),
        IcpField.Buyers => ("The CMO signs; procurement joins above 20k EUR", "Who signs and pays, and how they buy."),
        IcpField.Users => ("Marketing managers and their teams", "Who uses it every day."),
        IcpField.CompanySize => ("50–500 employees", null),
        IcpField.Industries => ("B2B SaaS, IT services", null),
        IcpField.Regions => ("Nordics, DACH", null),
        _ => ("Pains, buying triggers, where they hang out, who is not a fit", null),
    };
}
