-- Issue budget overrides set with `/agent budget <usd>` (issue #5): one row per issue, replaced by each new command.
-- The amount is exact decimal text (invariant culture); set_at is Unix epoch milliseconds (UTC).

CREATE TABLE issue_budgets (
    repository   TEXT    NOT NULL,
    issue_number INTEGER NOT NULL,
    budget_usd   TEXT    NOT NULL,
    set_by       TEXT    NOT NULL,
    set_at       INTEGER NOT NULL,
    PRIMARY KEY (repository, issue_number)
);
