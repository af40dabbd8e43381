using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using GrowthBot.Domain.Common;

namespace GrowthBot.Storage;

/// <summary>One search hit: a learning or a concluded experiment, best matches first.</summary>
public sealed record SearchHit(string Source, long SourceId, string Title, string Snippet, double Rank)
{
    public const string LearningSource = "learning";
    public const string ExperimentSource = "experiment";
}

/// <summary>
/// The one full-text index of growth text (table <c>search_index</c>: FTS5 with the trigram tokenizer on SQLite, a
/// pg_trgm index on PostgreSQL, see <see cref="SqlDialect"/> and migration 024): learnings, put here by their store in
/// the transaction that writes them, and every experiment, kept current by triggers on <c>experiments</c> (migration
/// 008). It is searched by <see cref="WordStems"/>, found anywhere in a word, so inflected and compound words meet in
/// any language. Searching shows learnings and concluded experiments; "tested before?" reads experiments through
/// <see cref="ExperimentStore.SimilarCandidates"/>.
/// </summary>
public static class SearchIndex
{
    public static async Task Put(DbConnection connection, IDbTransaction? transaction, string teamId, string source, long sourceId, string title, string body)
    {
        await connection.ExecuteAsync("DELETE FROM search_index WHERE team_id = @teamId AND source = @source AND source_id = @sourceId",
            new { teamId, source, sourceId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO search_index (team_id, source, source_id, title, body) VALUES (@teamId, @source, @sourceId, @title, @body)",
            new { teamId, source, sourceId, title, body }, transaction);
    }

    /// <summary>How many stems of what a person typed are searched for.</summary>
    public const int MaxSearchStems = 12;

    /// <summary>
    /// Learnings and concluded experiments holding any stem of <paramref name="text"/> (<see cref="WordStems"/>) anywhere,
    /// inside a compound word too, best first: the engine ranks, the title counting double.
    /// </summary>
    public static async Task<IReadOnlyList<SearchHit>> Search(Database database, string teamId, string text, int limit, CancellationToken cancellationToken)
    {
        var stems = WordStems.Of(text).Take(MaxSearchStems).ToList();
        if (stems.Count == 0) return [];
        var dialect = database.Dialect;
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<HitRow>(new CommandDefinition($"""
            SELECT source, source_id, title, body, {dialect.TextRank()} AS rank
            FROM search_index
            WHERE {dialect.TextMatches()} AND team_id = @teamId
                AND (source = @learning OR source_id IN (SELECT id FROM experiments WHERE team_id = @teamId AND status = 'Concluded'))
            ORDER BY rank
            LIMIT @limit
            """, new { query = dialect.TextQuery(stems), teamId, limit, learning = SearchHit.LearningSource }, cancellationToken: cancellationToken));
        return rows.Select(r => new SearchHit(r.Source, r.SourceId, r.Title, Snippet(r.Body, stems), r.Rank)).ToList();
    }

    /// <summary>About <paramref name="words"/> words of <paramref name="body"/> from a little before its first match, each matching word between asterisks.</summary>
    public static string Snippet(string body, IReadOnlyList<string> stems, int words = 24)
    {
        var runs = WordStems.Words(body)
            .Select(w => (w.Start, w.Length, Matches: stems.Any(stem => Compare.IndexOf(body, stem, w.Start, w.Length, Folding) >= 0)))
            .ToList();
        if (runs.Count == 0) return body.Trim();
        var first = Math.Max(0, runs.FindIndex(r => r.Matches) - words / 4);
        var last = Math.Min(runs.Count, first + words) - 1;
        var snippet = new StringBuilder(first > 0 ? "…" : "");
        var from = first > 0 ? runs[first].Start : 0;
        foreach (var run in runs.Skip(first).Take(last - first + 1))
        {
            snippet.Append(body, from, run.Start - from);
            snippet.Append(run.Matches ? $"*{body.Substring(run.Start, run.Length)}*" : body.Substring(run.Start, run.Length));
            from = run.Start + run.Length;
        }
        if (last < runs.Count - 1) snippet.Append('…');
        else snippet.Append(body, from, body.Length - from);
        return snippet.ToString().Trim();
    }

    // What the index folds, the snippet folds: case, and accents (SQLite's trigram tokenizer removes diacritics).
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Folding = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    private sealed class HitRow
    {
        public string Source { get; init; } = "";
        public long SourceId { get; init; }
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
        public double Rank { get; init; }
    }
}
