-- Issue 10. Every weekly report remembers the period it covered, so the next one starts exactly where it ended
-- (docs/decisions/0004), and sales' feedback becomes one rating per person, experiment and report thread, with
-- thread replies kept as comments. The report threads (005) and the lead feedback (002) move into the new tables.

-- A report reserved (before posting), posted, and finished (its thread too). created_at is when it was reserved:
-- a scheduled slot is covered once any report was reserved after it, so a late on-demand report replaces a missed
-- slot, while one asked for before the slot does not swallow it.
CREATE TABLE reports (
    id                   INTEGER PRIMARY KEY,
    team_id              TEXT    NOT NULL,
    kind                 TEXT    NOT NULL,           -- Scheduled | OnDemand
    slot                 TEXT    NULL,               -- when a scheduled report was due; null on demand
    period_key           TEXT    NOT NULL,           -- names the report in the delivery keys of its post and its thread
    period_start         TEXT    NOT NULL,
    period_end           TEXT    NOT NULL,
    created_at           TEXT    NOT NULL,
    channel              TEXT    NULL,
    ts                   TEXT    NULL,               -- the report message: the parent of its thread
    posted_at            TEXT    NULL,
    finished_at          TEXT    NULL,
    asked_experiment_ids TEXT    NOT NULL DEFAULT '', -- comma-separated experiment row ids sales were asked about
    asked_users          TEXT    NOT NULL DEFAULT '', -- comma-separated user ids the ask mentioned
    asked_group          TEXT    NULL,               -- the user group the ask mentioned
    ask_ts               TEXT    NULL                -- the thread message asking sales, updated with the counts
);
CREATE UNIQUE INDEX ux_reports_slot ON reports (team_id, slot) WHERE slot IS NOT NULL;
CREATE INDEX ix_reports_team_end ON reports (team_id, period_end);
CREATE INDEX ix_reports_thread ON reports (team_id, ts);

-- Reports posted before this migration covered the Monday-to-Sunday week before the week they went out in. Their
-- end is that Monday 00:00 in UTC (SQL knows no time zones), so the first report after the upgrade starts there.
-- (Their lead feedback ran up to when they were posted, so feedback given that Monday before the report may be
-- shown once more by the first report after the upgrade.) Their key was the ISO week (team/weekly-report/2026-W47/
-- channel); they are finished, and clicks and replies in their threads keep working.
INSERT INTO reports (team_id, kind, slot, period_key, period_start, period_end, created_at, channel, ts, posted_at, finished_at,
                     asked_experiment_ids, asked_users, asked_group, ask_ts)
SELECT d.team_id, 'Scheduled', NULL, substr(d.key, length(d.team_id || '/weekly-report/') + 1, 8),
       strftime('%Y-%m-%d 00:00:00+00:00', d.sent_at, '-6 days', 'weekday 1', '-7 days'),
       strftime('%Y-%m-%d 00:00:00+00:00', d.sent_at, '-6 days', 'weekday 1'),
       d.sent_at, d.channel, d.ts, d.sent_at, d.sent_at,
       COALESCE((SELECT rt.experiment_ids FROM report_threads rt WHERE rt.team_id = d.team_id AND rt.thread_ts = d.ts), ''),
       COALESCE((SELECT s.lead_quality_users FROM team_settings s WHERE s.team_id = d.team_id), ''),
       (SELECT s.lead_quality_group FROM team_settings s WHERE s.team_id = d.team_id),
       (SELECT a.ts FROM deliveries a WHERE a.team_id = d.team_id AND a.status = 'Sent'
            AND a.key = d.team_id || '/weekly-report-ask/' || substr(d.key, length(d.team_id || '/weekly-report/') + 1))
FROM deliveries d
WHERE d.job = 'weekly-report' AND d.status = 'Sent' AND d.sent_at IS NOT NULL AND d.ts IS NOT NULL
ORDER BY d.sent_at;

-- A remembered thread always belongs to a sent report; should one not, it is kept all the same.
INSERT INTO reports (team_id, kind, slot, period_key, period_start, period_end, created_at, channel, ts, posted_at, finished_at,
                     asked_experiment_ids, asked_users, asked_group)
SELECT rt.team_id, 'Scheduled', NULL, rt.week,
       strftime('%Y-%m-%d 00:00:00+00:00', rt.created_at, '-6 days', 'weekday 1', '-7 days'),
       strftime('%Y-%m-%d 00:00:00+00:00', rt.created_at, '-6 days', 'weekday 1'),
       rt.created_at, rt.channel, rt.thread_ts, rt.created_at, rt.created_at, rt.experiment_ids,
       COALESCE((SELECT s.lead_quality_users FROM team_settings s WHERE s.team_id = rt.team_id), ''),
       (SELECT s.lead_quality_group FROM team_settings s WHERE s.team_id = rt.team_id)
FROM report_threads rt
WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.team_id = rt.team_id AND r.ts = rt.thread_ts);

DROP TABLE report_threads;

-- One rating per person, experiment and report thread: a later click changes it. It appears in the first report
-- built after created_at (when the person first rated).
CREATE TABLE lead_ratings (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    report_id     INTEGER NULL REFERENCES reports (id) ON DELETE SET NULL,
    experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    rated_by      TEXT    NOT NULL,
    quality       TEXT    NULL,                      -- Good | Mixed | Poor; null while only a reason was chosen
    reason        TEXT    NULL,                      -- WrongPersona | NoBudget | TooSmall | NotReachable | Other
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_lead_ratings_one_per_person ON lead_ratings (report_id, experiment_id, rated_by);
CREATE INDEX ix_lead_ratings_experiment ON lead_ratings (experiment_id, created_at);
CREATE INDEX ix_lead_ratings_team_created ON lead_ratings (team_id, created_at);

-- A reply in a report's thread, by anyone. experiment_id is set only when the reply was unambiguously about one
-- experiment; from_sales = 1 when its author was one of the people asked (only those replies are sales' feedback).
CREATE TABLE thread_comments (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    report_id     INTEGER NULL REFERENCES reports (id) ON DELETE SET NULL,
    experiment_id INTEGER NULL REFERENCES experiments (id) ON DELETE SET NULL,
    from_sales    INTEGER NOT NULL,
    text          TEXT    NOT NULL,
    message_ts    TEXT    NULL,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_thread_comments_message ON thread_comments (team_id, message_ts) WHERE message_ts IS NOT NULL;
CREATE INDEX ix_thread_comments_experiment ON thread_comments (experiment_id, created_at);
CREATE INDEX ix_thread_comments_team_created ON thread_comments (team_id, created_at);

-- Old clicks: several rows per person when they clicked again, and a reason chosen on its own row when no click
-- came first. They become one rating per person, experiment and thread (message_ts held the thread's ts), with the
-- latest quality and the latest reason, first given at the first click.
INSERT INTO lead_ratings (team_id, report_id, experiment_id, rated_by, quality, reason, created_at, updated_at)
SELECT f.team_id,
       (SELECT r.id FROM reports r WHERE r.team_id = f.team_id AND r.ts = f.message_ts ORDER BY r.id LIMIT 1),
       f.experiment_id, f.created_by,
       (SELECT g.quality FROM lead_feedback g
        WHERE g.source = 'Button' AND g.team_id = f.team_id AND g.experiment_id = f.experiment_id AND g.created_by = f.created_by
          AND IFNULL(g.message_ts, '') = IFNULL(f.message_ts, '') AND g.quality IS NOT NULL
        ORDER BY g.created_at DESC, g.id DESC LIMIT 1),
       (SELECT g.reason FROM lead_feedback g
        WHERE g.source = 'Button' AND g.team_id = f.team_id AND g.experiment_id = f.experiment_id AND g.created_by = f.created_by
          AND IFNULL(g.message_ts, '') = IFNULL(f.message_ts, '') AND g.reason IS NOT NULL
        ORDER BY g.created_at DESC, g.id DESC LIMIT 1),
       MIN(f.created_at), MAX(f.created_at)
FROM lead_feedback f
WHERE f.source = 'Button'
GROUP BY f.team_id, f.experiment_id, f.created_by, IFNULL(f.message_ts, '');

-- Old replies: one row per experiment asked about, the same text each time. They become one comment, about the
-- experiment only when there was just one. They counted as sales' feedback before, and still do.
WITH replies AS (
    SELECT f.team_id, f.message_ts, MIN(f.created_by) AS created_by, MIN(f.text) AS text, MIN(f.created_at) AS created_at,
           CASE WHEN COUNT(DISTINCT f.experiment_id) = 1 THEN MIN(f.experiment_id) END AS experiment_id
    FROM lead_feedback f
    WHERE f.source = 'ThreadReply'
    GROUP BY f.team_id, IFNULL(f.message_ts, 'row-' || f.id)
)
INSERT INTO thread_comments (team_id, report_id, experiment_id, from_sales, text, message_ts, created_by, created_at)
SELECT c.team_id,
       (SELECT r.id FROM reports r WHERE r.team_id = c.team_id AND r.posted_at <= c.created_at ORDER BY r.posted_at DESC LIMIT 1),
       c.experiment_id, 1, c.text, c.message_ts, c.created_by, c.created_at
FROM replies c;

DROP TABLE lead_feedback;
