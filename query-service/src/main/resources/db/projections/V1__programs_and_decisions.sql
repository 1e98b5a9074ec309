-- Read models of the query service. Every row remembers the global position of the last event
-- applied to it, so a redelivered event is recognised and skipped.

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE program (
    program_id       VARCHAR(64)  PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    sponsor          VARCHAR(200) NOT NULL,
    start_date       DATE         NOT NULL,
    planned_end_date DATE         NOT NULL,
    currency         CHAR(3)      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    closed_on        DATE,
    created_at       TIMESTAMPTZ  NOT NULL,
    last_changed_at  TIMESTAMPTZ  NOT NULL,
    last_position    BIGINT       NOT NULL
);

CREATE TABLE decision (
    decision_id     VARCHAR(64)  PRIMARY KEY,
    program_id      VARCHAR(64)  NOT NULL,
    title           VARCHAR(200) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    deciding_body   VARCHAR(200) NOT NULL,
    meeting_date    DATE,
    decided_on      DATE,
    effective_from  DATE,
    chosen_option   VARCHAR(40),
    supersedes      VARCHAR(64),
    superseded_by   VARCHAR(64),
    deferred_until  DATE,
    revoked_on      DATE,
    details         JSONB        NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    last_changed_at TIMESTAMPTZ  NOT NULL,
    last_position   BIGINT       NOT NULL,
    -- the date the register is filtered and ordered by: decided on, else the meeting, else recorded
    decision_date   DATE GENERATED ALWAYS AS (COALESCE(decided_on, meeting_date, (recorded_at AT TIME ZONE 'UTC')::date)) STORED
);

CREATE INDEX decision_register ON decision (program_id, decision_date DESC, decision_id);

CREATE TABLE decision_event (
    event_id       VARCHAR(64)  PRIMARY KEY,
    position       BIGINT       NOT NULL,
    decision_id    VARCHAR(64)  NOT NULL,
    program_id     VARCHAR(64)  NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    effective_at   TIMESTAMPTZ  NOT NULL,
    reason         TEXT         NOT NULL,
    correlation_id VARCHAR(100) NOT NULL,
    causation_id   VARCHAR(100) NOT NULL,
    payload        JSONB        NOT NULL
);

CREATE INDEX decision_event_history ON decision_event (decision_id, position);
