-- The budget read model. Balances are never stored: they are sums over budget_entry, the booked
-- ledger legs, so a total cannot drift from the movements that make it.

CREATE TABLE budget_line (
    program_id    VARCHAR(64)  NOT NULL,
    line_id       VARCHAR(64)  NOT NULL,
    workstream    VARCHAR(100) NOT NULL,
    category      VARCHAR(8)   NOT NULL,
    fiscal_year   INTEGER      NOT NULL,
    currency      CHAR(3)      NOT NULL,
    opened_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (program_id, line_id)
);

CREATE TABLE budget_movement (
    movement_id           VARCHAR(64)    PRIMARY KEY,
    program_id            VARCHAR(64)    NOT NULL,
    kind                  VARCHAR(16)    NOT NULL,
    status                VARCHAR(16)    NOT NULL,
    line_id               VARCHAR(64)    NOT NULL,
    to_line_id            VARCHAR(64),
    amount                NUMERIC(15, 2) NOT NULL,
    currency              CHAR(3)        NOT NULL,
    reference             VARCHAR(100),
    commitment_reference  VARCHAR(100),
    authorising_reference VARCHAR(100),
    effective_date        DATE           NOT NULL,
    description           TEXT,
    reason                TEXT           NOT NULL,
    requested_by          VARCHAR(100)   NOT NULL,
    requested_at          TIMESTAMPTZ    NOT NULL,
    required_approvals    INTEGER        NOT NULL,
    expires_on            DATE,
    decided_at            TIMESTAMPTZ,
    refused_by            VARCHAR(100),
    last_position         BIGINT         NOT NULL
);

CREATE INDEX budget_movement_ledger ON budget_movement (program_id, effective_date, requested_at);
CREATE INDEX budget_movement_pending ON budget_movement (status) WHERE status = 'PENDING';

CREATE TABLE budget_approval (
    movement_id   VARCHAR(64)  NOT NULL,
    approver      VARCHAR(100) NOT NULL,
    delegation_id VARCHAR(64)  NOT NULL,
    approved_at   TIMESTAMPTZ  NOT NULL,
    reason        TEXT         NOT NULL,
    PRIMARY KEY (movement_id, approver)
);

CREATE TABLE budget_entry (
    event_id       VARCHAR(64)    NOT NULL,
    leg            INTEGER        NOT NULL,
    position       BIGINT         NOT NULL,
    movement_id    VARCHAR(64)    NOT NULL,
    program_id     VARCHAR(64)    NOT NULL,
    line_id        VARCHAR(64)    NOT NULL,
    measure        VARCHAR(16)    NOT NULL,
    delta          NUMERIC(15, 2) NOT NULL,
    effective_date DATE           NOT NULL,
    booked_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (event_id, leg)
);

CREATE INDEX budget_entry_line ON budget_entry (program_id, line_id, measure);
CREATE INDEX budget_entry_movement ON budget_entry (movement_id);

CREATE TABLE budget_delegation (
    delegation_id VARCHAR(64)    PRIMARY KEY,
    program_id    VARCHAR(64)    NOT NULL,
    holder        VARCHAR(100)   NOT NULL,
    max_amount    NUMERIC(15, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    line_ids      TEXT[]         NOT NULL,
    categories    TEXT[]         NOT NULL,
    valid_from    DATE           NOT NULL,
    valid_to      DATE           NOT NULL,
    granted_by    VARCHAR(100)   NOT NULL,
    revoked       BOOLEAN        NOT NULL DEFAULT FALSE
);

CREATE INDEX budget_delegation_holder ON budget_delegation (holder);
