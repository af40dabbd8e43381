using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// Keeps what the app logs, so a test can assert an operator would see a problem.
/// <code>var logs = new CapturedLogs(); await using var app = await GrowthBotApp.Start(services: logs.AddTo);</code>
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => _entries.ToList();

    public void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

    public IReadOnlyList<string> Containing(string text) =>
        _entries.Where(e => e.Message.Contains(text, StringComparison.Ordinal)).Select(e => e.Message).ToList();

    public bool Any(LogLevel atLeast, string contains) =>
        _entries.Any(e => e.Level >= atLeast && e.Message.Contains(contains, StringComparison.OrdinalIgnoreCase));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception.Message)));
    }
}
