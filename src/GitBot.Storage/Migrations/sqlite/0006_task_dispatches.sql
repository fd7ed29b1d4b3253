-- Task attempts dispatched to the repository's Actions runners (issue #6, the `actions` executor). Only the SHA-256
-- of the callback token is stored. reported_at is set once, by whichever of a runner's result, a failed
-- workflow_run or the timeout comes first; the others then do nothing. Times are Unix epoch milliseconds (UTC).

CREATE TABLE task_dispatches (
    plan_id       INTEGER NOT NULL,
    task_id       TEXT NOT NULL,
    attempt       INTEGER NOT NULL,
    repository    TEXT NOT NULL,
    token_sha256  BLOB NOT NULL,
    dispatched_at INTEGER NOT NULL,
    deadline      INTEGER NOT NULL,
    run_id        INTEGER NULL,
    reported_at   INTEGER NULL,
    PRIMARY KEY (plan_id, task_id, attempt)
);

CREATE INDEX task_dispatches_run ON task_dispatches (repository, run_id);
