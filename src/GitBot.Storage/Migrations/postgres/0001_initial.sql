-- GitBot schema v1 (PostgreSQL). Timestamps are Unix epoch milliseconds (UTC) in both providers, so one mapping serves both.

CREATE TABLE webhook_deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id     text   NOT NULL UNIQUE,
    event           text   NOT NULL,
    action          text   NULL,
    installation_id bigint NULL,
    repository      text   NULL,
    payload         bytea  NOT NULL,
    received_at     bigint NOT NULL,
    dispatched_at   bigint NULL
);

-- The dispatcher's scan: only undispatched rows, in arrival order.
CREATE INDEX ix_webhook_deliveries_undispatched ON webhook_deliveries (id) WHERE dispatched_at IS NULL;

-- Bodies are stored out of line and uncompressed: pglz compression of every ~12 KB body costs the database more CPU
-- than the rest of the insert, on the path GitHub is waiting on. Out of line, marking a row dispatched never copies it.
ALTER TABLE webhook_deliveries ALTER COLUMN payload SET STORAGE EXTERNAL;

CREATE TABLE installations (
    id            bigint  PRIMARY KEY,
    account_login text    NOT NULL,
    account_type  text    NOT NULL,
    suspended     boolean NOT NULL DEFAULT false,
    updated_at    bigint  NOT NULL
);

-- No foreign key to installations: installation_repositories events may be processed before the installation event.
CREATE TABLE repositories (
    id              bigint  PRIMARY KEY,
    installation_id bigint  NOT NULL,
    full_name       text    NOT NULL,
    private         boolean NOT NULL DEFAULT false,
    updated_at      bigint  NOT NULL
);

CREATE INDEX ix_repositories_installation ON repositories (installation_id);

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          bigint NOT NULL,
    actor       text   NOT NULL,
    action      text   NOT NULL,
    subject     text   NOT NULL,
    details     text   NULL,
    delivery_id text   NULL
);

CREATE INDEX ix_audit_log_subject ON audit_log (subject, id);
