-- Issue budget overrides set with `/agent budget <usd>` (issue #5): one row per issue, replaced by each new command.
-- set_at is Unix epoch milliseconds (UTC).

CREATE TABLE issue_budgets (
    repository   text    NOT NULL,
    issue_number integer NOT NULL,
    budget_usd   numeric NOT NULL, -- exact
    set_by       text    NOT NULL,
    set_at       bigint  NOT NULL,
    PRIMARY KEY (repository, issue_number)
);
