-- The sealer takes the next batch as "the queued events in commit order, the first N". Nothing
-- indexed that order, so every batch sorted the whole queue: invisible while a few commands wait, but
-- a backlog (a bulk import, a restore, sealing after an outage) made each batch cost time in
-- proportion to everything still queued. Measured on a local run with 180,000 events queued: 75 ms
-- per batch of 500 for the sort alone, sealing about 530 events/s; with this index the rest of the
-- backlog (135,000 events) was sealed in under 20 s.
--
-- The tx_id index is dropped: V6 stamps each queued row by its primary key, and nothing else reads
-- the queue by transaction, so an event still costs the queue two index entries.
DROP INDEX unsealed_event_tx;
CREATE INDEX unsealed_event_commit_order ON unsealed_event (commit_seq, global_index);
