-- The commit-order stamp (V3) cost a transaction time quadratic in the events it appended: the
-- deferred trigger fires once per queued row at COMMIT, and each firing updated "every row of this
-- transaction not yet stamped", which found nothing to do after the first but still walked all of the
-- transaction's rows (and their updated versions) through the tx_id index. One command appends one to
-- three events, so nobody noticed; a transaction appending 100,000 events (a bulk import, a restore,
-- an administrator's INSERT ... SELECT) had not committed after 12 minutes.
--
-- Now the first firing of a transaction takes the number from commit_order, as before at COMMIT, and
-- keeps it in a transaction-local setting; every firing stamps its own row by primary key with that
-- number. The stamp is the same (one number per transaction, taken when its commit begins), at a
-- constant cost per event. The setting names the transaction it belongs to, so a value left at
-- session level could never be taken for this transaction's; its name, the schema's, so that two event
-- stores written in one transaction each stamp from their own sequence.
CREATE OR REPLACE FUNCTION stamp_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tx    text := pg_current_xact_id()::text;
    stamp text := current_setting('governance_ledger.commit_stamp_${flyway:defaultSchema}', true);
    seq   bigint;
BEGIN
    IF stamp IS NOT NULL AND split_part(stamp, ':', 1) = tx THEN
        seq := split_part(stamp, ':', 2)::bigint;
    ELSE
        seq := nextval('${flyway:defaultSchema}.commit_order');
        PERFORM set_config('governance_ledger.commit_stamp_${flyway:defaultSchema}', tx || ':' || seq, true);
    END IF;
    UPDATE ${flyway:defaultSchema}.unsealed_event SET commit_seq = seq
    WHERE global_index = NEW.global_index AND commit_seq IS NULL;
    RETURN NULL;
END;
$$;
