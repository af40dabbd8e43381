namespace GrowthBot.Domain.Common;

/// <summary>
/// Something the domain refuses or finds wrong, as a code with the values its sentence needs (an id, a limit, a date).
/// The domain speaks no language: the host words a problem for its reader (<c>Wording.Say</c>), in their language.
/// </summary>
public sealed record Problem(ProblemCode Code, IReadOnlyList<(string Name, object? Value)> Args)
{
    public Problem(ProblemCode code) : this(code, []) { }

    /// <summary>The value of argument <paramref name="name"/>, or null when the problem has none by that name.</summary>
    public object? Arg(string name) => Args.FirstOrDefault(a => a.Name == name).Value;

    public override string ToString() => Args.Count == 0 ? Code.ToString() : $"{Code}({string.Join(", ", Args.Select(a => $"{a.Name}={a.Value}"))})";
}

/// <summary>Problems with user input, keyed by the field they concern; the host words them in the reader's language.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, Problem> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;
    public IReadOnlyDictionary<string, Problem> ByField => _errors;

    /// <summary>The first problem found for a field is the one shown.</summary>
    public void Add(string field, ProblemCode code, params (string Name, object? Value)[] args) => _errors.TryAdd(field, new Problem(code, args));

    /// <summary>A problem a reader of typed values (an amount, a count) already found.</summary>
    public void Add(string field, Problem problem) => _errors.TryAdd(field, problem);

    public void Required(string field, string? value, ProblemCode missing)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, missing);
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max) Add(field, ProblemCode.TooLong, ("max", max), ("length", value.Length));
    }

    /// <summary>What a person typed, cut short enough to quote back to them in a sentence.</summary>
    public static string Typed(string text) => text.Length <= 20 ? text : text[..19] + "…";

    public void Between(string field, int? value, int min, int max, ProblemCode missing, ProblemCode outOfRange)
    {
        if (value is null) Add(field, missing, ("min", min), ("max", max));
        else if (value < min || value > max) Add(field, outOfRange, ("min", min), ("max", max));
    }
}
