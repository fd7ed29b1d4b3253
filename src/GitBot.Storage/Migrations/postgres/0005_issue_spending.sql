-- Agent costs of an issue outside its plans' tasks (issue #5): /agent fix runs, feedback runs, review agents' model
-- calls. An issue's spending is these plus the cost_usd of every task of its plans. The primary key makes recording
-- idempotent: the same run (source + key) is counted once however often it is recorded. recorded_at is Unix epoch
-- milliseconds (UTC).

CREATE TABLE issue_spending (
    repository   text    NOT NULL,
    issue_number integer NOT NULL,
    source       text    NOT NULL, -- the SpendingSource name
    run_key      text    NOT NULL,
    cost_usd     numeric NOT NULL, -- exact
    recorded_at  bigint  NOT NULL,
    PRIMARY KEY (repository, issue_number, source, run_key)
);
