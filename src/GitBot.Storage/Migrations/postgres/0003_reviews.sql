-- Review agent runs and pull request pushers (issue #4). Timestamps are Unix epoch milliseconds (UTC); states and
-- agents are the enum names.

CREATE TABLE review_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    installation_id bigint  NOT NULL,
    repository      text    NOT NULL,
    pull_number     integer NOT NULL,
    head_sha        text    NOT NULL,
    agent           text    NOT NULL,
    -- Every write names the attempt it is about; a re-requested check bumps it.
    attempt         integer NOT NULL,
    state           text    NOT NULL,
    check_run_id    bigint  NULL,
    review_id       bigint  NULL,
    conclusion      text    NULL,
    title           text    NULL,
    created_at      bigint  NOT NULL,
    updated_at      bigint  NOT NULL
);

-- The guarantee of one run per head and agent: concurrent requests on any node conflict here.
CREATE UNIQUE INDEX ux_review_runs_head ON review_runs (repository, pull_number, head_sha, agent);

-- Superseding a pull request's unfinished runs scans only those.
CREATE INDEX ix_review_runs_unfinished ON review_runs (repository, pull_number) WHERE state IN ('Queued', 'Running');

CREATE TABLE pull_request_pushers (
    repository  text   NOT NULL,
    head_sha    text   NOT NULL,
    pusher      text   NOT NULL,
    recorded_at bigint NOT NULL,
    PRIMARY KEY (repository, head_sha)
);
