-- Logins and program ids are read without regard to case, so "P1" and "p1" would be two programs a
-- person cannot tell apart. A program's id is now unique in any case: creating one whose id differs
-- from an existing id only by case fails on this index (23505), which the event store reports as
-- id-taken. A ledger written before this rule may already hold such pairs; they can never change, so
-- the later ones of each pair are left out of the index (the first still blocks every new variant).
-- No program is created between the look for earlier pairs and the index (an older instance during a
-- rolling deploy could otherwise add a pair the index would then refuse to cover); appends wait for the
-- index build, one scan of the event table.
LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE;

DO $$
DECLARE
    earlier_duplicates TEXT;
BEGIN
    SELECT string_agg(global_index::TEXT, ',') INTO earlier_duplicates
    FROM (SELECT global_index,
                 row_number() OVER (PARTITION BY lower(aggregate_identifier) ORDER BY global_index) AS nth
          FROM domain_event_entry
          WHERE payload_type = 'io.governanceledger.events.programs.ProgramCreatedEvent') created
    WHERE nth > 1;
    EXECUTE format('CREATE UNIQUE INDEX program_id_in_any_case ON domain_event_entry (lower(aggregate_identifier)) '
                   || 'WHERE payload_type = %L%s',
                   'io.governanceledger.events.programs.ProgramCreatedEvent',
                   CASE WHEN earlier_duplicates IS NULL THEN ''
                        ELSE ' AND global_index NOT IN (' || earlier_duplicates || ')' END);
END $$;
