-- Observability (issue #7): every agent run, the nodes that run them, and dashboard sign-in sessions. Timestamps are
-- Unix epoch milliseconds (UTC); states and kinds are the enum names.

-- One row per agent run (planner, task attempt, review agent, fix, feedback): written Running when it starts and
-- finished once, so a crash leaves a visible Running row whose node is gone rather than nothing.
CREATE TABLE agent_runs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    repository     TEXT    NOT NULL,
    issue_number   INTEGER NULL,     -- the issue the run works for (a plan's issue), when known
    pull_number    INTEGER NULL,     -- the pull request it works on, when known
    plan_id        INTEGER  NULL,
    task_id        TEXT    NULL,
    attempt        INTEGER NOT NULL,
    kind           TEXT    NOT NULL, -- AgentRunKind name
    role           TEXT    NOT NULL,
    backend        TEXT    NOT NULL,
    node           TEXT    NOT NULL,
    log_path       TEXT    NULL,     -- on the node that ran it
    state          TEXT    NOT NULL, -- Running, or the AgentOutcome name once finished
    exit_code      INTEGER NULL,
    turns          INTEGER NOT NULL,
    input_tokens   INTEGER  NOT NULL,
    output_tokens  INTEGER  NOT NULL,
    cost_usd       TEXT NOT NULL, -- exact
    exit_reason    TEXT    NULL,     -- scrubbed, size-limited
    started_at     INTEGER  NOT NULL,
    finished_at    INTEGER  NULL
);

CREATE INDEX ix_agent_runs_issue ON agent_runs (repository, issue_number, id);
CREATE INDEX ix_agent_runs_pull ON agent_runs (repository, pull_number, id);
CREATE INDEX ix_agent_runs_plan ON agent_runs (plan_id, task_id, id);
CREATE INDEX ix_agent_runs_started ON agent_runs (started_at);
CREATE INDEX ix_agent_runs_running ON agent_runs (id) WHERE state = 'Running';

-- One row per running GitBot process (serve or worker), refreshed on every heartbeat; a node whose last_seen is older
-- than a few heartbeats is gone. stopped_at is set on a clean stop.
CREATE TABLE worker_nodes (
    instance_id   TEXT    PRIMARY KEY, -- unique per process
    node          TEXT    NOT NULL,    -- Scheduler:NodeName
    host_role     TEXT    NOT NULL,    -- serve | worker
    slots         INTEGER NOT NULL,
    agent_slots   INTEGER NOT NULL,
    labels        TEXT    NOT NULL,    -- comma-separated, may be empty
    started_at    INTEGER  NOT NULL,
    last_seen     INTEGER  NOT NULL,
    stopped_at    INTEGER  NULL
);

-- Dashboard sign-in sessions. Only the SHA-256 of the cookie value is stored; no GitHub token is stored. The
-- repositories the user may see are captured at sign-in and re-checked (through GitHub) when refresh_after passes.
CREATE TABLE dashboard_sessions (
    id_sha256     BLOB   PRIMARY KEY,
    login         TEXT    NOT NULL,
    repositories  TEXT    NOT NULL, -- JSON array of "owner/name"
    created_at    INTEGER  NOT NULL,
    refresh_after INTEGER  NOT NULL,
    expires_at    INTEGER  NOT NULL
);

CREATE INDEX ix_dashboard_sessions_expiry ON dashboard_sessions (expires_at);

-- The last gitbot/gate decision GitBot wrote for a pull request (one row per PR, replaced on every recompute), so the
-- dashboard shows the real gate (agent checks, approvals, pusher rules) rather than one derived from review_runs.
CREATE TABLE pull_request_gates (
    repository    TEXT    NOT NULL,
    pull_number   INTEGER NOT NULL,
    head_sha      TEXT    NOT NULL, -- the head the decision was made for
    conclusion    TEXT    NOT NULL, -- success | failure | pending
    summary       TEXT    NOT NULL, -- what is missing, scrubbed, at most 2000 characters
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (repository, pull_number)
);
