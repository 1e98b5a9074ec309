-- Signed checkpoints of the ledger order: the chain hash at a position, signed with an Ed25519 key
-- the command service holds outside the database (its public key is published). A database owner
-- can recompute the whole chain after editing an event, but cannot sign the new hashes.
CREATE TABLE ledger_checkpoint (
    position    BIGINT      PRIMARY KEY,
    chain_hash  BYTEA       NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    signed_at   TIMESTAMPTZ NOT NULL,
    key_id      VARCHAR(64) NOT NULL,
    signature   BYTEA       NOT NULL,
    -- the checkpoint before this one (0 and 32 zero bytes for the first), signed with it: removing a
    -- checkpoint breaks the sequence
    previous_position BIGINT NOT NULL,
    previous_hash     BYTEA  NOT NULL
);

CREATE TRIGGER ledger_checkpoint_immutable
    BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_event_rewrite();

CREATE TRIGGER ledger_checkpoint_no_truncate
    BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_rewrite();
