-- Idempotency-Key (IETF httpapi draft): the first answer to a POST, kept per person and key, so that a
-- retry with the same key and body gets it again and records nothing. Shared by every service
-- instance: the primary key makes one request the owner of a key, whichever instance it reached.
CREATE TABLE idempotency_key (
    principal          TEXT        NOT NULL,
    idempotency_key    TEXT        NOT NULL,
    -- SHA-256 of the method, path, query, content type and body: the same key with another request is refused
    fingerprint        BYTEA       NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    -- while the first request is being handled; a request that died leaves it to run out
    lease_until        TIMESTAMPTZ,
    -- the request that holds the key now (a new one when an expired lease is taken over): every later
    -- write names it, so a request that outlived its lease can neither answer, free nor mark the key
    owner              UUID        NOT NULL,
    -- set in the command's own transaction when it records events, so a retry knows it took effect
    -- even if its answer was never stored (a crash, or a command that outlived its 503)
    recorded_event_id  TEXT,
    status             INTEGER,
    headers            TEXT,
    body               BYTEA,
    completed_at       TIMESTAMPTZ,
    PRIMARY KEY (principal, idempotency_key)
);

CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
