-- Agent costs of an issue outside its plans' tasks (issue #5): /agent fix runs, feedback runs, review agents' model
-- calls. An issue's spending is these plus the cost_usd of every task of its plans. The primary key makes recording
-- idempotent: the same run (source + key) is counted once however often it is recorded. The amount is exact decimal
-- text (invariant culture); recorded_at is Unix epoch milliseconds (UTC).

CREATE TABLE issue_spending (
    repository   TEXT    NOT NULL,
    issue_number INTEGER NOT NULL,
    source       TEXT    NOT NULL, -- the SpendingSource name
    run_key      TEXT    NOT NULL,
    cost_usd     TEXT    NOT NULL,
    recorded_at  INTEGER NOT NULL,
    PRIMARY KEY (repository, issue_number, source, run_key)
);
