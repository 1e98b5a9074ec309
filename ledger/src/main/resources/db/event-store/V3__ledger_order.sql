-- The ledger order: one gap-free, commit-ordered sequence of positions over the stored events, with
-- the time each event joined it (its recorded time) and a hash chain.
--
-- Axon's global_index comes from a sequence: a rolled-back append leaves a hole, and a transaction
-- that took its index early may commit after one that took a later index. So positions are not
-- taken at append time. Every appended event is queued (unsealed_event) in the appending
-- transaction; the sealer (LedgerSealer) gives positions only to queued events it can see, which are
-- committed, so nothing committed later can get a smaller position, and rolled-back appends leave no
-- queued row, hence no hole. Among transactions sealed together, the order is the order in which
-- they began to commit: a deferred trigger stamps each appending transaction with a number from
-- commit_order at COMMIT, so a transaction whose commit began after another's had returned always
-- has the larger number.

CREATE SEQUENCE commit_order;

CREATE TABLE unsealed_event (
    global_index BIGINT PRIMARY KEY,
    tx_id        xid8   NOT NULL DEFAULT pg_current_xact_id(),
    commit_seq   BIGINT
);

CREATE INDEX unsealed_event_tx ON unsealed_event (tx_id);

CREATE FUNCTION stamp_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH stamp AS (SELECT nextval('${flyway:defaultSchema}.commit_order') AS seq)
    UPDATE ${flyway:defaultSchema}.unsealed_event SET commit_seq = stamp.seq
    FROM stamp
    WHERE tx_id = pg_current_xact_id() AND commit_seq IS NULL;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER unsealed_event_commit_order
    AFTER INSERT ON unsealed_event
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION stamp_commit_order();

CREATE FUNCTION queue_for_sealing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${flyway:defaultSchema}.unsealed_event (global_index) SELECT global_index FROM appended;
    RETURN NULL;
END;
$$;

CREATE TRIGGER domain_event_entry_queue_for_sealing
    AFTER INSERT ON domain_event_entry
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION queue_for_sealing();

-- position: 1, 2, 3, ... with no hole. recorded_at never decreases along positions, so "recorded by
-- C" is exactly a prefix of the order. hash = SHA-256(previous hash || SHA-256(canonical bytes of the
-- event)), see LedgerHash for the canonical bytes; the chain starts from 32 zero bytes.
CREATE TABLE ledger_entry (
    position     BIGINT      PRIMARY KEY,
    global_index BIGINT      NOT NULL UNIQUE,
    recorded_at  TIMESTAMPTZ NOT NULL,
    hash         BYTEA       NOT NULL
);

CREATE INDEX ledger_entry_recorded ON ledger_entry (recorded_at, position);

CREATE TRIGGER ledger_entry_immutable
    BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_rewrite();

CREATE TRIGGER ledger_entry_no_truncate
    BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_rewrite();

-- The head of the order: the sealer locks this row, so sealers in several processes take turns.
CREATE TABLE ledger_head (
    singleton   BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    position    BIGINT      NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    hash        BYTEA       NOT NULL
);

INSERT INTO ledger_head (position, recorded_at, hash) VALUES (0, '-infinity', '\x0000000000000000000000000000000000000000000000000000000000000000');

-- Events stored before the ledger order existed are sealed first, in their global order.
INSERT INTO unsealed_event (global_index, commit_seq) SELECT global_index, 0 FROM domain_event_entry;

-- Readers in other processes are woken when positions are given, rather than when events are
-- appended: only sealed events are read.
CREATE FUNCTION notify_events_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ledger_events_sealed', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER ledger_entry_notify
    AFTER INSERT ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_sealed();

DROP VIEW events;

-- The sealed events as a person reads them, in ledger order.
CREATE VIEW events AS
SELECT l.position,
       l.recorded_at,
       e.global_index,
       e.aggregate_identifier,
       e.sequence_number,
       e.type                                   AS aggregate_type,
       e.payload_type,
       e.payload_revision,
       e.time_stamp                             AS appended_at,
       convert_from(e.meta_data, 'UTF8')::jsonb AS meta_data,
       convert_from(e.payload, 'UTF8')::jsonb   AS payload,
       e.event_identifier,
       encode(l.hash, 'hex')                    AS hash
FROM ledger_entry l
JOIN domain_event_entry e ON e.global_index = l.global_index;
