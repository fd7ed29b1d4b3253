-- Review agent runs and pull request pushers (issue #4). Timestamps are Unix epoch milliseconds (UTC); states and
-- agents are the enum names.

CREATE TABLE review_runs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    installation_id INTEGER  NOT NULL,
    repository      TEXT    NOT NULL,
    pull_number     INTEGER NOT NULL,
    head_sha        TEXT    NOT NULL,
    agent           TEXT    NOT NULL,
    -- Every write names the attempt it is about; a re-requested check bumps it.
    attempt         INTEGER NOT NULL,
    state           TEXT    NOT NULL,
    check_run_id    INTEGER  NULL,
    review_id       INTEGER  NULL,
    conclusion      TEXT    NULL,
    title           TEXT    NULL,
    created_at      INTEGER  NOT NULL,
    updated_at      INTEGER  NOT NULL
);

-- The guarantee of one run per head and agent: concurrent requests on any node conflict here.
CREATE UNIQUE INDEX ux_review_runs_head ON review_runs (repository, pull_number, head_sha, agent);

-- Superseding a pull request's unfinished runs scans only those.
CREATE INDEX ix_review_runs_unfinished ON review_runs (repository, pull_number) WHERE state IN ('Queued', 'Running');

CREATE TABLE pull_request_pushers (
    repository  TEXT   NOT NULL,
    head_sha    TEXT   NOT NULL,
    pusher      TEXT   NOT NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (repository, head_sha)
);
