-- Change control on both clocks (query.changes): change requests, milestones, baselines, exceptions,
-- and each program's plan (scope items and tolerances). A record's id starts with its program's id,
-- since change requests, milestones and exceptions are numbered or named per program.
CREATE TABLE change_request_fact (LIKE program_fact INCLUDING ALL);
ALTER TABLE change_request_fact ALTER COLUMN record_id TYPE VARCHAR(200);
CREATE INDEX change_request_fact_program ON change_request_fact (program_id, position);

CREATE TABLE change_request_version (
    LIKE program_version INCLUDING ALL,
    number      INTEGER     NOT NULL,
    decision_id VARCHAR(64)
);
ALTER TABLE change_request_version ALTER COLUMN record_id TYPE VARCHAR(200);
ALTER TABLE change_request_version ALTER COLUMN status TYPE VARCHAR(20);
CREATE INDEX change_request_version_register ON change_request_version (program_id, number);
CREATE INDEX change_request_version_decision ON change_request_version (program_id, decision_id);

CREATE TABLE milestone_fact (LIKE program_fact INCLUDING ALL);
ALTER TABLE milestone_fact ALTER COLUMN record_id TYPE VARCHAR(200);

CREATE TABLE milestone_version (
    LIKE program_version INCLUDING ALL,
    date_now DATE NOT NULL
);
ALTER TABLE milestone_version ALTER COLUMN record_id TYPE VARCHAR(200);
CREATE INDEX milestone_version_program ON milestone_version (program_id, date_now);

CREATE TABLE baseline_fact (LIKE program_fact INCLUDING ALL);
ALTER TABLE baseline_fact ALTER COLUMN record_id TYPE VARCHAR(200);

CREATE TABLE baseline_version (
    LIKE program_version INCLUDING ALL,
    number INTEGER NOT NULL
);
ALTER TABLE baseline_version ALTER COLUMN record_id TYPE VARCHAR(200);
CREATE INDEX baseline_version_program ON baseline_version (program_id, number);

CREATE TABLE tolerance_exception_fact (LIKE program_fact INCLUDING ALL);
ALTER TABLE tolerance_exception_fact ALTER COLUMN record_id TYPE VARCHAR(200);

CREATE TABLE tolerance_exception_version (
    LIKE program_version INCLUDING ALL,
    number INTEGER NOT NULL
);
ALTER TABLE tolerance_exception_version ALTER COLUMN record_id TYPE VARCHAR(200);
CREATE INDEX tolerance_exception_version_program ON tolerance_exception_version (program_id, number);

CREATE TABLE change_plan_fact (LIKE program_fact INCLUDING ALL);

CREATE TABLE change_plan_version (LIKE program_version INCLUDING ALL);
