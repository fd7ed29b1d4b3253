-- Plans and their tasks (issue #3). Timestamps are Unix epoch milliseconds (UTC); states are the enum names.

CREATE TABLE plans (
    -- AUTOINCREMENT: ids are never reused, so "newest plan of an issue" is the highest id.
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    installation_id     INTEGER NOT NULL,
    repository          TEXT    NOT NULL,
    issue_number        INTEGER NOT NULL,
    issue_title         TEXT    NOT NULL,
    state               TEXT    NOT NULL,
    version             INTEGER NOT NULL,
    trigger_label       TEXT    NOT NULL,
    requested_by        TEXT    NOT NULL,
    default_branch      TEXT    NOT NULL,
    clone_url           TEXT    NOT NULL,
    config_snapshot     TEXT    NOT NULL,
    plan_comment_id     INTEGER NULL,
    pull_request_number INTEGER NULL,
    reason              TEXT    NULL,
    -- "owner/name#issue" while the plan is unfinished, NULL once finished. The unique index below is the guarantee
    -- of at most one unfinished plan per issue (NULLs never collide), and duplicate triggers conflict on it.
    active_key          TEXT    NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_plans_active_key ON plans (active_key);

-- FindLatest: the newest plan of an issue.
CREATE INDEX ix_plans_issue ON plans (repository, issue_number, id);

-- ListUnfinished: recovery at start-up scans only unfinished plans, oldest first.
CREATE INDEX ix_plans_unfinished ON plans (id) WHERE active_key IS NOT NULL;

CREATE TABLE plan_tasks (
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    task_id      TEXT    NOT NULL,
    ordinal      INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    instructions TEXT    NOT NULL,
    depends_on   TEXT    NOT NULL, -- JSON array of task ids
    files        TEXT    NOT NULL, -- JSON array of paths or globs
    state        TEXT    NOT NULL,
    attempt      INTEGER NOT NULL,
    started_at   INTEGER NULL,
    finished_at  INTEGER NULL,
    -- An invariant-culture decimal string: SQLite has no exact decimal type and REAL would turn 0.1 + 0.2 into 0.30000000000000004.
    cost_usd     TEXT    NOT NULL,
    commit_sha   TEXT    NULL,
    reason       TEXT    NULL,
    log_path     TEXT    NULL,
    node         TEXT    NULL,
    PRIMARY KEY (plan_id, task_id)
);
