-- The contract register. Values "as of" a date are computed from effective dates at query time.

CREATE TABLE contract (
    contract_id   VARCHAR(64)  PRIMARY KEY,
    program_id    VARCHAR(64)  NOT NULL,
    terms         JSONB        NOT NULL,
    reference     VARCHAR(100) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX contract_program ON contract (program_id, reference);

CREATE TABLE contract_amendment (
    amendment_id         VARCHAR(64)    PRIMARY KEY,
    contract_id          VARCHAR(64)    NOT NULL,
    status               VARCHAR(16)    NOT NULL,
    number               INTEGER,
    proposal             JSONB          NOT NULL,
    figures              JSONB,
    effective_from       DATE           NOT NULL,
    value_after          NUMERIC(15, 2),
    end_date_after       DATE,
    rule                 VARCHAR(64),
    explanation          TEXT,
    publication_required BOOLEAN        NOT NULL DEFAULT FALSE,
    notice_reference     VARCHAR(100),
    notice_published_on  DATE,
    recorded_at          TIMESTAMPTZ    NOT NULL,
    position             BIGINT         NOT NULL
);

CREATE INDEX contract_amendment_timeline ON contract_amendment (contract_id, position);

CREATE TABLE contract_call_off (
    call_off_id VARCHAR(64)    PRIMARY KEY,
    contract_id VARCHAR(64)    NOT NULL,
    reference   VARCHAR(100),
    value       NUMERIC(15, 2) NOT NULL,
    placed_on   DATE           NOT NULL
);

CREATE TABLE contract_index_value (
    contract_id VARCHAR(64)    NOT NULL,
    value_date  DATE           NOT NULL,
    value       NUMERIC(18, 6) NOT NULL,
    PRIMARY KEY (contract_id, value_date)
);
