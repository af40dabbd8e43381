using System.ComponentModel;
using GrowthBot.Tests.Fixtures;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("GrowthBot.Tests.Fixtures.BothDatabasesFramework", "GrowthBot.Tests")]

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// Runs every test of this project twice when a PostgreSQL server is given (<see cref="TestDatabase.PostgresVariable"/>):
/// as written, on SQLite, and again on PostgreSQL, shown with " [PostgreSQL]" after its name and the trait
/// <c>Database=PostgreSQL</c> (so <c>--filter Database!=PostgreSQL</c> runs SQLite only). Nothing in a test chooses:
/// <see cref="GrowthBotApp.Start"/> and <see cref="TestDatabase.Create"/> read <see cref="TestDatabase.Current"/>, which
/// the PostgreSQL run sets. Classes or methods marked <see cref="NoDatabaseAttribute"/> or <see cref="SqliteOnlyAttribute"/>
/// run once. Without a server, the PostgreSQL runs are not made; <c>PostgresSuiteTests</c> then reports as skipped, saying why.
/// </summary>
public sealed class BothDatabasesFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider sources, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, sources, diagnostics)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (TestDatabase.PostgresServer is null || RunsOnce(testMethod))
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            using var twins = new Twinning(messageBus, DiagnosticMessageSink, discoveryOptions);
            return base.FindTestsForMethod(testMethod, includeSourceInformation, twins, discoveryOptions);
        }

        private static bool RunsOnce(ITestMethod method) =>
            new[] { typeof(NoDatabaseAttribute), typeof(SqliteOnlyAttribute), typeof(PostgresFactAttribute) }.Any(attribute =>
                method.Method.GetCustomAttributes(attribute).Any() || method.TestClass.Class.GetCustomAttributes(attribute).Any());
    }

    /// <summary>Passes each discovered test on, followed by its PostgreSQL twin.</summary>
    private sealed class Twinning(IMessageBus inner, IMessageSink diagnostics, ITestFrameworkDiscoveryOptions options) : IMessageBus
    {
        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (!inner.QueueMessage(message)) return false;
            if (message is not ITestCaseDiscoveryMessage { TestCase: var testCase }) return true;
            IXunitTestCase? twin = testCase switch
            {
                XunitTheoryTestCase theory => new PostgresTheoryTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), theory.TestMethod),
                XunitTestCase fact when fact.GetType() == typeof(XunitTestCase) =>
                    new PostgresTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), fact.TestMethod, fact.TestMethodArguments),
                _ => null,
            };
            if (twin is null) return true;
            twin.SourceInformation = testCase.SourceInformation;
            return inner.QueueMessage(new TestCaseDiscoveryMessage(twin));
        }

        public void Dispose()
        {
            // The inner bus belongs to the discoverer.
        }
    }
}

/// <summary>A test's run on PostgreSQL.</summary>
public sealed class PostgresTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public PostgresTestCase()
    {
    }

    public PostgresTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method, object[]? arguments)
        : base(diagnostics, display, displayOptions, method, arguments)
    {
    }

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName += OnPostgres.Suffix;
        Traits[OnPostgres.Trait] = [OnPostgres.TraitValue];
    }

    protected override string GetUniqueID() => OnPostgres.Id(base.GetUniqueID());

    public override Task<RunSummary> RunAsync(IMessageSink diagnostics, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        OnPostgres.Run(() => base.RunAsync(diagnostics, messageBus, constructorArguments, aggregator, cancellationTokenSource));
}

/// <summary>A theory's run on PostgreSQL, where its data rows are only known when it runs.</summary>
public sealed class PostgresTheoryTestCase : XunitTheoryTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public PostgresTheoryTestCase()
    {
    }

    public PostgresTheoryTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method)
        : base(diagnostics, display, displayOptions, method)
    {
    }

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName += OnPostgres.Suffix;
        Traits[OnPostgres.Trait] = [OnPostgres.TraitValue];
    }

    protected override string GetUniqueID() => OnPostgres.Id(base.GetUniqueID());

    public override Task<RunSummary> RunAsync(IMessageSink diagnostics, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        OnPostgres.Run(() => base.RunAsync(diagnostics, messageBus, constructorArguments, aggregator, cancellationTokenSource));
}

file static class OnPostgres
{
    public const string Suffix = " [PostgreSQL]";
    public const string Trait = "Database";
    public const string TraitValue = "PostgreSQL";

    public static string Id(string sqliteId) => sqliteId + "-postgres";

    /// <summary>Runs the test with <see cref="TestDatabase.Current"/> set for everything it awaits.</summary>
    public static async Task<RunSummary> Run(Func<Task<RunSummary>> run)
    {
        TestDatabase.Current = DatabaseKind.Postgres;
        return await run();
    }
}

/// <summary>The test touches no database (it reads files, or tests pure code): it runs once.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoDatabaseAttribute : Attribute;

/// <summary>The test is about SQLite itself (its file, its backups, its past migrations): it runs once, on SQLite.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SqliteOnlyAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}

/// <summary>
/// A test that needs PostgreSQL itself (several instances on one database). Without a server it reports as skipped with
/// the reason, decided when the tests are discovered; .ci/run always gives it one.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string NoServer =
        $"No PostgreSQL server: {TestDatabase.PostgresVariable} is not set. .ci/run (or .ci/with-postgres dotnet test) starts a throwaway one and runs every test on SQLite and on PostgreSQL.";

    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null) Skip = NoServer;
    }
}
