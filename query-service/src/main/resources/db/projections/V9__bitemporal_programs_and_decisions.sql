-- Programs and decisions on both clocks (see io.governanceledger.query.timeline). Each record keeps
-- its facts (the events about it, with their audit fields: the decision history is read from them)
-- and its versions: the state over an effective-time range, valid over a knowledge range (recorded
-- time, and the ledger positions that opened and closed it). "What did we know at C about D" is the
-- one version whose known_at contains C and whose effective range contains D.
DROP TABLE decision_event;
DROP TABLE decision;
DROP TABLE program;

CREATE TABLE program_fact (
    record_id      VARCHAR(64)  NOT NULL,
    position       BIGINT       NOT NULL,
    program_id     VARCHAR(64)  NOT NULL,
    event_id       VARCHAR(64)  NOT NULL UNIQUE,
    event_type     VARCHAR(100) NOT NULL,
    payload_type   VARCHAR(200) NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    effective_at   TIMESTAMPTZ  NOT NULL,
    reason         TEXT         NOT NULL,
    correlation_id VARCHAR(100) NOT NULL,
    causation_id   VARCHAR(100) NOT NULL,
    payload        JSONB        NOT NULL,
    PRIMARY KEY (record_id, position)
);

CREATE TABLE program_version (
    version_id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id            VARCHAR(64) NOT NULL,
    program_id           VARCHAR(64) NOT NULL,
    known_from_position  BIGINT      NOT NULL,
    known_until_position BIGINT,
    known_at             TSTZRANGE   NOT NULL,
    effective            TSTZRANGE   NOT NULL,
    status               VARCHAR(16) NOT NULL,
    state                JSONB       NOT NULL
);

CREATE INDEX program_version_point ON program_version USING GIST (known_at, effective);
CREATE INDEX program_version_open ON program_version (record_id) WHERE known_until_position IS NULL;

CREATE TABLE decision_fact (LIKE program_fact INCLUDING ALL);
CREATE INDEX decision_fact_program ON decision_fact (program_id, position);

-- the same columns as program_version (its indexes and identity too), and what the register sorts by
CREATE TABLE decision_version (
    LIKE program_version INCLUDING ALL,
    -- the date the register is filtered and ordered by: decided on, else the meeting, else recorded
    decision_date DATE        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX decision_version_register ON decision_version (program_id, decision_date DESC, record_id);

-- What is known now, in its latest effective state: the program's currency and start for the other
-- read models, and whether a program exists at all.
CREATE VIEW program AS
SELECT record_id                              AS program_id,
       state ->> 'name'                       AS name,
       state ->> 'currency'                   AS currency,
       CAST(state ->> 'startDate' AS DATE)    AS start_date,
       status
FROM program_version
WHERE known_until_position IS NULL AND upper_inf(effective);

-- Decisions as known now, in their latest effective state, for the read models that name the
-- decision authorising a record.
CREATE VIEW decision AS
SELECT record_id                      AS decision_id,
       program_id,
       state -> 'details' ->> 'title' AS title,
       status
FROM decision_version
WHERE known_until_position IS NULL AND upper_inf(effective);
