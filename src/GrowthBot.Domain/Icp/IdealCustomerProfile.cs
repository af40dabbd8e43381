using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Icp;

/// <summary>
/// The team's ideal customer profile, everything known about it in one place (the Growth Dashboard's ICP tab): who
/// decides, who buys, who uses, which companies, where. What the team learns about it on the way is kept as ICP
/// learnings, listed under it.
/// </summary>
public sealed record IdealCustomerProfile
{
    public required string TeamId { get; init; }
    /// <summary>Decision-makers' titles, e.g. "CMO, Head of Growth".</summary>
    public string Titles { get; init; } = "";
    /// <summary>Who signs and pays.</summary>
    public string Buyers { get; init; } = "";
    /// <summary>Who uses the product day to day.</summary>
    public string Users { get; init; } = "";
    public string CompanySize { get; init; } = "";
    public string Industries { get; init; } = "";
    public string Regions { get; init; } = "";
    public string Notes { get; init; } = "";
    public required string UpdatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Every field with its value, in the order the profile is read and exported.</summary>
    public IReadOnlyList<(IcpField Field, string Value)> Fields =>
    [
        (IcpField.Titles, Titles), (IcpField.Buyers, Buyers), (IcpField.Users, Users), (IcpField.CompanySize, CompanySize),
        (IcpField.Industries, Industries), (IcpField.Regions, Regions), (IcpField.Notes, Notes),
    ];
}

/// <summary>The parts of the profile, in reading order.</summary>
public enum IcpField
{
    Titles,
    Buyers,
    Users,
    CompanySize,
    Industries,
    Regions,
    Notes,
}

/// <summary>The profile as typed into the ICP modal; every field may be empty, but not all of them.</summary>
public sealed record IcpDraft(string? Titles, string? Buyers, string? Users, string? CompanySize, string? Industries, string? Regions, string? Notes)
{
    public const int FieldMax = 1000;
    public const int NotesMax = 2000;

    public static int MaxLength(IcpField field) => field == IcpField.Notes ? NotesMax : FieldMax;

    /// <summary>The block id of each field's input.</summary>
    public static string Block(IcpField field) => field switch
    {
        IcpField.Titles => "icp_titles",
        IcpField.Buyers => "icp_buyers",
        IcpField.Users => "icp_users",
        IcpField.CompanySize => "icp_company_size",
        IcpField.Industries => "icp_industries",
        IcpField.Regions => "icp_regions",
        _ => "icp_notes",
    };

    private IReadOnlyList<(IcpField Field, string? Value)> Values =>
    [
        (IcpField.Titles, Titles), (IcpField.Buyers, Buyers), (IcpField.Users, Users), (IcpField.CompanySize, CompanySize),
        (IcpField.Industries, Industries), (IcpField.Regions, Regions), (IcpField.Notes, Notes),
    ];

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        foreach (var (field, value) in Values) errors.MaxLength(Block(field), value?.Trim(), MaxLength(field));
        if (Values.All(v => string.IsNullOrWhiteSpace(v.Value)))
            errors.Add(Block(IcpField.Titles), ProblemCode.IcpEmpty);
        return errors;
    }

    public IdealCustomerProfile ToProfile(string teamId, string userId, DateTimeOffset now) => new()
    {
        TeamId = teamId,
        Titles = Titles?.Trim() ?? "",
        Buyers = Buyers?.Trim() ?? "",
        Users = Users?.Trim() ?? "",
        CompanySize = CompanySize?.Trim() ?? "",
        Industries = Industries?.Trim() ?? "",
        Regions = Regions?.Trim() ?? "",
        Notes = Notes?.Trim() ?? "",
        UpdatedBy = userId,
        UpdatedAt = now,
    };
}
