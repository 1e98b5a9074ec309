-- Appending transactions no longer send a notification. PostgreSQL queues a transaction's
-- notifications under one database-wide lock that it holds until the commit record is flushed, so
-- every notifying transaction waited for the previous one's fsync: commits could not share a flush,
-- and 16 concurrent writers got about 50 commits/s where plain inserts got over 3,000 (measured by
-- the benchmark's scenario 1). The process that appends wakes its sealer itself after each commit;
-- other sealers find appends by their safety poll. Only the sealer notifies (ledger_events_sealed),
-- once per sealed batch, and sealers take turns anyway.
DROP TRIGGER domain_event_entry_notify ON domain_event_entry;
DROP FUNCTION notify_events_appended();
