-- Plans and their tasks (issue #3). Timestamps are Unix epoch milliseconds (UTC); states are the enum names.

CREATE TABLE plans (
    -- "Newest plan of an issue" is the highest id.
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    installation_id     bigint  NOT NULL,
    repository          text    NOT NULL,
    issue_number        integer NOT NULL,
    issue_title         text    NOT NULL,
    state               text    NOT NULL,
    version             integer NOT NULL,
    trigger_label       text    NOT NULL,
    requested_by        text    NOT NULL,
    default_branch      text    NOT NULL,
    clone_url           text    NOT NULL,
    config_snapshot     text    NOT NULL,
    plan_comment_id     bigint  NULL,
    pull_request_number integer NULL,
    reason              text    NULL,
    -- "owner/name#issue" while the plan is unfinished, NULL once finished. The unique index below is the guarantee
    -- of at most one unfinished plan per issue (NULLs never collide), and duplicate triggers conflict on it.
    active_key          text    NULL,
    created_at          bigint  NOT NULL,
    updated_at          bigint  NOT NULL
);

CREATE UNIQUE INDEX ux_plans_active_key ON plans (active_key);

-- FindLatest: the newest plan of an issue.
CREATE INDEX ix_plans_issue ON plans (repository, issue_number, id);

-- ListUnfinished: recovery at start-up scans only unfinished plans, oldest first.
CREATE INDEX ix_plans_unfinished ON plans (id) WHERE active_key IS NOT NULL;

CREATE TABLE plan_tasks (
    plan_id      bigint  NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    task_id      text    NOT NULL,
    ordinal      integer NOT NULL,
    title        text    NOT NULL,
    role         text    NOT NULL,
    instructions text    NOT NULL,
    depends_on   text    NOT NULL, -- JSON array of task ids
    files        text    NOT NULL, -- JSON array of paths or globs
    state        text    NOT NULL,
    attempt      integer NOT NULL,
    started_at   bigint  NULL,
    finished_at  bigint  NULL,
    cost_usd     numeric NOT NULL, -- exact: 0.1 + 0.2 stays 0.3
    commit_sha   text    NULL,
    reason       text    NULL,
    log_path     text    NULL,
    node         text    NULL,
    PRIMARY KEY (plan_id, task_id)
);
