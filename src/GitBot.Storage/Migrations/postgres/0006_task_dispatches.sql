-- Task attempts dispatched to the repository's Actions runners (issue #6, the `actions` executor). Only the SHA-256
-- of the callback token is stored. reported_at is set once, by whichever of a runner's result, a failed
-- workflow_run or the timeout comes first; the others then do nothing. Times are Unix epoch milliseconds (UTC).

CREATE TABLE task_dispatches (
    plan_id       bigint NOT NULL,
    task_id       text NOT NULL,
    attempt       integer NOT NULL,
    repository    text NOT NULL,
    token_sha256  bytea NOT NULL,
    dispatched_at bigint NOT NULL,
    deadline      bigint NOT NULL,
    run_id        bigint NULL,
    reported_at   bigint NULL,
    PRIMARY KEY (plan_id, task_id, attempt)
);

CREATE INDEX task_dispatches_run ON task_dispatches (repository, run_id);
