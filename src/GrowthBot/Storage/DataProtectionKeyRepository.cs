using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GrowthBot.Storage;

/// <summary>
/// The Data Protection key ring in the <c>data_protection_keys</c> table, so every instance on the same database shares
/// one ring and a backup of the database carries the keys its encrypted tokens need. Data Protection calls this
/// synchronously, rarely (on first use, when it creates a key every 90 days, and when it refreshes the ring daily).
/// </summary>
public sealed class DataProtectionKeyRepository(Database database, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.Open().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name")
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.Open().GetAwaiter().GetResult();
        connection.Execute("""
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@name, @xml, @now)
            ON CONFLICT (friendly_name) DO NOTHING
            """, new { name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = time.GetUtcNow() });
    }
}
