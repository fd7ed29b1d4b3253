-- Observability (issue #7): every agent run, the nodes that run them, and dashboard sign-in sessions. Timestamps are
-- Unix epoch milliseconds (UTC); states and kinds are the enum names.

-- One row per agent run (planner, task attempt, review agent, fix, feedback): written Running when it starts and
-- finished once, so a crash leaves a visible Running row whose node is gone rather than nothing.
CREATE TABLE agent_runs (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository     text    NOT NULL,
    issue_number   integer NULL,     -- the issue the run works for (a plan's issue), when known
    pull_number    integer NULL,     -- the pull request it works on, when known
    plan_id        bigint  NULL,
    task_id        text    NULL,
    attempt        integer NOT NULL,
    kind           text    NOT NULL, -- AgentRunKind name
    role           text    NOT NULL,
    backend        text    NOT NULL,
    node           text    NOT NULL,
    log_path       text    NULL,     -- on the node that ran it
    state          text    NOT NULL, -- Running, or the AgentOutcome name once finished
    exit_code      integer NULL,
    turns          integer NOT NULL,
    input_tokens   bigint  NOT NULL,
    output_tokens  bigint  NOT NULL,
    cost_usd       numeric NOT NULL, -- exact
    exit_reason    text    NULL,     -- scrubbed, size-limited
    started_at     bigint  NOT NULL,
    finished_at    bigint  NULL
);

CREATE INDEX ix_agent_runs_issue ON agent_runs (repository, issue_number, id);
CREATE INDEX ix_agent_runs_pull ON agent_runs (repository, pull_number, id);
CREATE INDEX ix_agent_runs_plan ON agent_runs (plan_id, task_id, id);
CREATE INDEX ix_agent_runs_started ON agent_runs (started_at);
CREATE INDEX ix_agent_runs_running ON agent_runs (id) WHERE state = 'Running';

-- One row per running GitBot process (serve or worker), refreshed on every heartbeat; a node whose last_seen is older
-- than a few heartbeats is gone. stopped_at is set on a clean stop.
CREATE TABLE worker_nodes (
    instance_id   text    PRIMARY KEY, -- unique per process
    node          text    NOT NULL,    -- Scheduler:NodeName
    host_role     text    NOT NULL,    -- serve | worker
    slots         integer NOT NULL,
    agent_slots   integer NOT NULL,
    labels        text    NOT NULL,    -- comma-separated, may be empty
    started_at    bigint  NOT NULL,
    last_seen     bigint  NOT NULL,
    stopped_at    bigint  NULL
);

-- Dashboard sign-in sessions. Only the SHA-256 of the cookie value is stored; no GitHub token is stored. The
-- repositories the user may see are captured at sign-in and re-checked (through GitHub) when refresh_after passes.
CREATE TABLE dashboard_sessions (
    id_sha256     bytea   PRIMARY KEY,
    login         text    NOT NULL,
    repositories  text    NOT NULL, -- JSON array of "owner/name"
    created_at    bigint  NOT NULL,
    refresh_after bigint  NOT NULL,
    expires_at    bigint  NOT NULL
);

CREATE INDEX ix_dashboard_sessions_expiry ON dashboard_sessions (expires_at);

-- The last gitbot/gate decision GitBot wrote for a pull request (one row per PR, replaced on every recompute), so the
-- dashboard shows the real gate (agent checks, approvals, pusher rules) rather than one derived from review_runs.
CREATE TABLE pull_request_gates (
    repository    text    NOT NULL,
    pull_number   integer NOT NULL,
    head_sha      text    NOT NULL, -- the head the decision was made for
    conclusion    text    NOT NULL, -- success | failure | pending
    summary       text    NOT NULL, -- what is missing, scrubbed, at most 2000 characters
    updated_at    bigint  NOT NULL,
    PRIMARY KEY (repository, pull_number)
);
