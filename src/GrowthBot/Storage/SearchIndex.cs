using System.Data;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace GrowthBot.Storage;

/// <summary>One search hit: a learning or a concluded experiment, best matches first.</summary>
public sealed record SearchHit(string Source, long SourceId, string Title, string Snippet, double Rank)
{
    public const string LearningSource = "learning";
    public const string ExperimentSource = "experiment";
}

/// <summary>
/// The one FTS5 index of growth text (table <c>search_index</c>): learnings, put here by their store in the
/// transaction that writes them, and every experiment, kept current by triggers on <c>experiments</c>
/// (migration 008). Searching shows learnings and concluded experiments; "tested before?" reads experiments
/// through <see cref="ExperimentStore.SimilarCandidates"/>.
/// </summary>
public static class SearchIndex
{
    public static async Task Put(SqliteConnection connection, IDbTransaction? transaction, string teamId, string source, long sourceId, string title, string body)
    {
        await connection.ExecuteAsync("DELETE FROM search_index WHERE team_id = @teamId AND source = @source AND source_id = @sourceId",
            new { teamId, source, sourceId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO search_index (team_id, source, source_id, title, body) VALUES (@teamId, @source, @sourceId, @title, @body)",
            new { teamId, source, sourceId, title, body }, transaction);
    }

    public static async Task<IReadOnlyList<SearchHit>> Search(Database database, string teamId, string words, int limit, CancellationToken cancellationToken)
    {
        var query = ToFtsQuery(words);
        if (query is null) return [];
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<HitRow>("""
            SELECT source, source_id, title, snippet(search_index, 4, '*', '*', '…', 24) AS snippet, bm25(search_index, 0, 0, 0, 2.0, 1.0) AS rank
            FROM search_index
            WHERE search_index MATCH @query AND team_id = @teamId
                AND (source = @learning OR source_id IN (SELECT id FROM experiments WHERE team_id = @teamId AND status = 'Concluded'))
            ORDER BY rank
            LIMIT @limit
            """, new { query, teamId, limit, learning = SearchHit.LearningSource });
        return rows.Select(r => new SearchHit(r.Source, r.SourceId, r.Title, r.Snippet, r.Rank)).ToList();
    }

    /// <summary>
    /// Turns what a person typed into a safe FTS5 query: each word quoted as a prefix term, any of them
    /// matching (bm25 ranks rows matching more and rarer words first). Null when nothing searchable is left.
    /// </summary>
    public static string? ToFtsQuery(string words)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var c in words + " ")
        {
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else if (current.Length > 0)
            {
                terms.Add(current.ToString());
                current.Clear();
            }
        }
        return ToFtsQuery(terms, 12);
    }

    /// <summary>Any of <paramref name="terms"/> (letters and digits only, two or more), each as a quoted prefix term.</summary>
    public static string? ToFtsQuery(IEnumerable<string> terms, int max)
    {
        var safe = terms
            .Select(t => new string(t.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(t => t.Length >= 2)
            .Distinct()
            .Take(max)
            .Select(t => $"\"{t}\"*")
            .ToList();
        return safe.Count == 0 ? null : string.Join(" OR ", safe);
    }

    private sealed class HitRow
    {
        public string Source { get; init; } = "";
        public long SourceId { get; init; }
        public string Title { get; init; } = "";
        public string Snippet { get; init; } = "";
        public double Rank { get; init; }
    }
}
