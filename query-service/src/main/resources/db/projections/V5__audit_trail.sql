-- Every event of every program, with its audit fields, for the audit trail.
CREATE TABLE audit_event (
    position        BIGINT       PRIMARY KEY,
    event_id        VARCHAR(64)  NOT NULL UNIQUE,
    event_type      VARCHAR(100) NOT NULL,
    event_revision  INTEGER      NOT NULL,
    program_id      VARCHAR(64)  NOT NULL,
    record_kind     VARCHAR(32)  NOT NULL,
    record_id       VARCHAR(100) NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    effective_at    TIMESTAMPTZ  NOT NULL,
    reason          TEXT         NOT NULL,
    correlation_id  VARCHAR(100) NOT NULL,
    causation_id    VARCHAR(100) NOT NULL,
    client_address  VARCHAR(64),
    payload         JSONB        NOT NULL
);

CREATE INDEX audit_event_program ON audit_event (program_id, position);
CREATE INDEX audit_event_record ON audit_event (program_id, record_kind, record_id, position);
CREATE INDEX audit_event_actor ON audit_event (program_id, actor, position);
CREATE INDEX audit_event_correlation ON audit_event (correlation_id);
