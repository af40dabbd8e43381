using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// Collects what the app logs, for tests about what an operator reads.
/// <code>var logs = new CapturedLogs(); await GrowthBotApp.Start(services: s => s.AddSingleton&lt;ILoggerProvider&gt;(logs));</code>
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => _entries.ToList();

    public IReadOnlyList<string> Containing(string text) =>
        _entries.Where(e => e.Message.Contains(text, StringComparison.Ordinal)).Select(e => e.Message).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
