using System.Data;
using System.Data.Common;
using System.Text;
using Dapper;

namespace GrowthBot.Storage;

/// <summary>One search hit: a learning or a concluded experiment, best matches first.</summary>
public sealed record SearchHit(string Source, long SourceId, string Title, string Snippet, double Rank)
{
    public const string LearningSource = "learning";
    public const string ExperimentSource = "experiment";
}

/// <summary>
/// The one full-text index of growth text (table <c>search_index</c>: FTS5 on SQLite, a <c>tsvector</c> column on
/// PostgreSQL, see <see cref="SqlDialect"/>): learnings, put here by their store in the transaction that writes them,
/// and every experiment, kept current by triggers on <c>experiments</c> (migration 008). Searching shows learnings and
/// concluded experiments; "tested before?" reads experiments through <see cref="ExperimentStore.SimilarCandidates"/>.
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

    public static async Task<IReadOnlyList<SearchHit>> Search(Database database, string teamId, string words, int limit, CancellationToken cancellationToken)
    {
        var terms = Terms(Words(words), 12);
        if (terms.Count == 0) return [];
        var dialect = database.Dialect;
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<HitRow>($"""
            SELECT source, source_id, title, {dialect.TextSnippet} AS snippet, {dialect.TextRank} AS rank
            FROM search_index
            WHERE {dialect.TextMatches} AND team_id = @teamId
                AND (source = @learning OR source_id IN (SELECT id FROM experiments WHERE team_id = @teamId AND status = 'Concluded'))
            ORDER BY rank
            LIMIT @limit
            """, new { query = dialect.TextQuery(terms), teamId, limit, learning = SearchHit.LearningSource });
        return rows.Select(r => new SearchHit(r.Source, r.SourceId, r.Title, r.Snippet, r.Rank)).ToList();
    }

    /// <summary>The words of what a person typed: runs of letters and digits, lower-cased.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        return words;
    }

    /// <summary>
    /// The search terms among <paramref name="words"/>: letters and digits only, two or more, at most <paramref name="max"/>
    /// distinct ones; <see cref="SqlDialect.TextQuery"/> turns them into the engine's "any of these, as prefixes".
    /// </summary>
    public static IReadOnlyList<string> Terms(IEnumerable<string> words, int max) =>
        words
            .Select(t => new string(t.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(t => t.Length >= 2)
            .Distinct()
            .Take(max)
            .ToList();

    private sealed class HitRow
    {
        public string Source { get; init; } = "";
        public long SourceId { get; init; }
        public string Title { get; init; } = "";
        public string Snippet { get; init; } = "";
        public double Rank { get; init; }
    }
}
