-- /growth language fi|sv|ru|tr|en: the language a person chose for what the bot writes to them (DMs, modals, ephemeral
-- replies, the App Home). It wins over their Slack locale; /growth language team deletes the row.
CREATE TABLE person_languages (
    team_id     TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    language    TEXT NOT NULL,  -- two-letter code: en, fi, sv, ru, tr
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
