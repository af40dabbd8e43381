namespace GrowthBot.Slack.Routing;

/// <summary>
/// Which handler type serves which slash command, callback_id, action_id and event type.
/// Filled by the explicit registration calls of <see cref="SlackBuilder"/>; no scanning.
/// </summary>
public sealed class SlackHandlerRegistry
{
    private readonly Dictionary<string, Type> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _viewSubmissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Type>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _options = new(StringComparer.Ordinal);

    public IEnumerable<string> Commands => _commands.Keys;
    public IEnumerable<string> ViewSubmissions => _viewSubmissions.Keys;
    public IEnumerable<string> Actions => _actions.Keys;
    public IEnumerable<string> OptionsProviders => _options.Keys;
    public IEnumerable<string> EventTypes => _events.Keys;

    internal void AddCommand(string command, Type handler) => Add(_commands, command, handler, "slash command");
    internal void AddViewSubmission(string callbackId, Type handler) => Add(_viewSubmissions, callbackId, handler, "view callback");
    internal void AddAction(string actionId, Type handler) => Add(_actions, actionId, handler, "action");
    internal void AddOptions(string actionId, Type handler) => Add(_options, actionId, handler, "options provider");

    internal void AddEvent(string eventType, Type handler)
    {
        if (!_events.TryGetValue(eventType, out var list)) _events[eventType] = list = [];
        list.Add(handler);
    }

    public Type? Command(string command) => _commands.GetValueOrDefault(command);
    public Type? ViewSubmission(string? callbackId) => callbackId is null ? null : _viewSubmissions.GetValueOrDefault(callbackId);
    public Type? Options(string actionId) => Lookup(_options, actionId);
    public IReadOnlyList<Type> Events(string eventType) => _events.TryGetValue(eventType, out var list) ? list : [];

    /// <summary>An action_id matches its registration exactly, or as <c>registered:argument</c>.</summary>
    public Type? Action(string actionId) => Lookup(_actions, actionId);

    private static Type? Lookup(Dictionary<string, Type> map, string id)
    {
        if (map.TryGetValue(id, out var exact)) return exact;
        var colon = id.IndexOf(':');
        return colon > 0 && map.TryGetValue(id[..colon], out var prefixed) ? prefixed : null;
    }

    private static void Add(Dictionary<string, Type> map, string key, Type handler, string what)
    {
        if (!map.TryAdd(key, handler))
            throw new InvalidOperationException($"The {what} '{key}' is registered twice ({map[key].Name} and {handler.Name}).");
    }
}
