-- Budget movements and delegations on both clocks, as programs and decisions (V9): facts and versions.
-- Their approvals live in the movement's state. Ledger legs (budget_entry) and lines keep their own
-- two clocks: legs carry their effective date and booking time, lines their recording time and the
-- instant from which they are on record in effective time.
DROP TABLE budget_approval;
DROP TABLE budget_movement;
DROP TABLE budget_delegation;

ALTER TABLE budget_line ADD COLUMN existing_from TIMESTAMPTZ NOT NULL;

CREATE TABLE movement_fact (LIKE program_fact INCLUDING ALL);

CREATE TABLE movement_version (
    LIKE program_version INCLUDING ALL,
    kind                 VARCHAR(16)    NOT NULL,
    line_id              VARCHAR(64)    NOT NULL,
    to_line_id           VARCHAR(64),
    amount               NUMERIC(15, 2) NOT NULL,
    reference            VARCHAR(100),
    commitment_reference VARCHAR(100),
    authorising_reference VARCHAR(100),
    effective_date       DATE           NOT NULL,
    requested_by         VARCHAR(100)   NOT NULL,
    requested_at         TIMESTAMPTZ    NOT NULL,
    expires_on           DATE
);

CREATE INDEX movement_version_ledger ON movement_version (program_id, effective_date, requested_at);

CREATE TABLE delegation_fact (LIKE program_fact INCLUDING ALL);

CREATE TABLE delegation_version (
    LIKE program_version INCLUDING ALL,
    holder VARCHAR(100) NOT NULL
);

CREATE INDEX delegation_version_holder ON delegation_version (holder);
CREATE INDEX audit_event_aggregate ON audit_event (aggregate_id, effective_at);
