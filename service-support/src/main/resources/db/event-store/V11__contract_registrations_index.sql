-- A baseline keeps the value of every contract of its program (command-service ContractFacts): the
-- program's contracts are found by their registration events, which this index reads alone.
CREATE INDEX contract_registrations ON domain_event_entry (global_index)
    WHERE payload_type = 'io.governanceledger.events.contracts.ContractRegisteredEvent';
