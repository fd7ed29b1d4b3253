-- GitBot schema v1 (SQLite). Timestamps are Unix epoch milliseconds (UTC) in both providers, so one mapping serves both.

CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY,
    delivery_id     TEXT    NOT NULL UNIQUE,
    event           TEXT    NOT NULL,
    action          TEXT    NULL,
    installation_id INTEGER NULL,
    repository      TEXT    NULL,
    received_at     INTEGER NOT NULL,
    dispatched_at   INTEGER NULL
);

-- The body lives apart from the row the dispatcher updates: SQLite rewrites a whole record (overflow pages
-- included) when a column changes size, so marking a delivery dispatched would otherwise copy its ~12 KB body again.
-- PostgreSQL needs no such split: an UPDATE keeps the TOASTed body in place.
CREATE TABLE webhook_payloads (
    delivery_pk INTEGER PRIMARY KEY REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    payload     BLOB    NOT NULL
);

-- The dispatcher's scan: only undispatched rows, in arrival order.
CREATE INDEX ix_webhook_deliveries_undispatched ON webhook_deliveries (id) WHERE dispatched_at IS NULL;

CREATE TABLE installations (
    id            INTEGER PRIMARY KEY,
    account_login TEXT    NOT NULL,
    account_type  TEXT    NOT NULL,
    suspended     INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL
);

-- No foreign key to installations: installation_repositories events may be processed before the installation event.
CREATE TABLE repositories (
    id              INTEGER PRIMARY KEY,
    installation_id INTEGER NOT NULL,
    full_name       TEXT    NOT NULL,
    private         INTEGER NOT NULL DEFAULT 0,
    updated_at      INTEGER NOT NULL
);

CREATE INDEX ix_repositories_installation ON repositories (installation_id);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    details     TEXT    NULL,
    delivery_id TEXT    NULL
);

CREATE INDEX ix_audit_log_subject ON audit_log (subject, id);
