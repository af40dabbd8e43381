namespace GrowthBot.Domain.Common;

/// <summary>Problems with user input, keyed by the field they concern, in words a user understands.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;
    public IReadOnlyDictionary<string, string> ByField => _errors;

    public void Add(string field, string message) => _errors.TryAdd(field, message);

    public void Required(string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"Please enter {what}.");
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max) Add(field, $"Please keep this under {max} characters (it has {value.Length}).");
    }

    public void Between(string field, int? value, int min, int max, string what)
    {
        if (value is null) Add(field, $"Please give {what} a number from {min} to {max}.");
        else if (value < min || value > max) Add(field, $"{Capitalise(what)} must be from {min} to {max}.");
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
