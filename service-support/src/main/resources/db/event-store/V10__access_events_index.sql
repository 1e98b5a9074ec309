-- The command service re-reads every access grant, deputy appointment and their revocations when it
-- starts (GrantRecords), so that its tables always match the ledger: this index makes that a read of
-- those events only.
CREATE INDEX access_events ON domain_event_entry (global_index)
    WHERE payload_type IN ('io.governanceledger.events.access.AccessGrantedEvent',
                           'io.governanceledger.events.access.AccessRevokedEvent',
                           'io.governanceledger.events.access.DeputyAppointedEvent',
                           'io.governanceledger.events.access.DeputyAppointmentRevokedEvent');
