-- A budget line's balances on both clocks, so a balance at (knownAt, asOf) is one index lookup per
-- line instead of a sum over every leg ever booked on it. Each row holds the sums of the legs
-- effective up to a date range, as known over a range of recorded time. A leg booked with effective
-- date d closes the known rows whose range reaches past d and opens them again with the leg added;
-- legs booked in date order touch only the latest row.
CREATE TABLE line_balance (
    balance_id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id           VARCHAR(64)    NOT NULL,
    line_id              VARCHAR(64)    NOT NULL,
    known_from_position  BIGINT         NOT NULL,
    known_until_position BIGINT,
    known_at             TSTZRANGE      NOT NULL,
    effective            DATERANGE      NOT NULL,
    allocated            NUMERIC(17, 2) NOT NULL,
    committed            NUMERIC(17, 2) NOT NULL,
    actual               NUMERIC(17, 2) NOT NULL,
    forecast             NUMERIC(17, 2) NOT NULL
);

CREATE INDEX line_balance_point ON line_balance USING GIST (known_at, effective);
CREATE INDEX line_balance_open ON line_balance (program_id, line_id) WHERE known_until_position IS NULL;
