-- The ASP.NET Core Data Protection key ring (DataProtectionKeyRepository), unless GrowthBot__DataProtectionKeys names a
-- folder for it: the keys that encrypt the bot tokens in slack_installations and sign the install flow's state cookie.
-- Every instance reads the same ring, so one can decrypt what another encrypted. Rows are only ever added; an expired
-- key stays to decrypt what it once encrypted.
CREATE TABLE data_protection_keys (
    friendly_name  TEXT NOT NULL PRIMARY KEY,
    xml            TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
