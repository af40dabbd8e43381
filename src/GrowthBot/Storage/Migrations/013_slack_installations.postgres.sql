-- PostgreSQL's 013 (SQLite's is 013_slack_installations.sql): the same table, the install time as timestamptz.
-- bot_token is encrypted with ASP.NET Core Data Protection (InstallationStore); the plain token is never stored.
CREATE TABLE slack_installations (
    team_id        TEXT        NOT NULL PRIMARY KEY,
    team_name      TEXT        NOT NULL,
    enterprise_id  TEXT        NULL,
    bot_token      TEXT        NOT NULL,
    bot_user_id    TEXT        NOT NULL,
    bot_id         TEXT        NOT NULL,
    app_id         TEXT        NOT NULL,
    scopes         TEXT        NOT NULL,
    installed_by   TEXT        NOT NULL,
    installed_at   TIMESTAMPTZ NOT NULL
);
