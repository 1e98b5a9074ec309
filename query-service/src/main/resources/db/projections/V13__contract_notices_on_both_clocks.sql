-- Publication notices, renewal notice states and the end of term were written over the contract and
-- amendment rows, so a contract asked for as of an earlier point showed them anyway. They become
-- facts with their recorded and effective times, folded at the point asked for.
ALTER TABLE contract_amendment DROP COLUMN notice_reference, DROP COLUMN notice_published_on;
ALTER TABLE contract DROP COLUMN renewal_notice_state, DROP COLUMN renewal_choice, DROP COLUMN renewal_notice_sent_on,
                     DROP COLUMN renewal_notice_deadline, DROP COLUMN term_ended_on;

CREATE TABLE contract_deadline_fact (
    contract_id      VARCHAR(64) NOT NULL,
    position         BIGINT      NOT NULL,
    kind             VARCHAR(24) NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    effective_at     TIMESTAMPTZ NOT NULL,
    amendment_number INTEGER,
    notice_reference VARCHAR(100),
    dated            DATE,
    deadline         DATE,
    renewal_choice   VARCHAR(16),
    PRIMARY KEY (contract_id, position)
);
