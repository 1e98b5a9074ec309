-- Read models now follow the ledger order (gap-free positions, recorded times set when an event joins
-- the order) instead of Axon's global index. Positions kept in rows and tokens mean something else
-- from here on, so every read model is emptied and rebuilt from the first position.
DELETE FROM token_entry;
TRUNCATE program, decision, decision_event, budget_line, budget_movement, budget_approval, budget_entry,
         budget_delegation, contract, contract_amendment, contract_call_off, contract_index_value, audit_event;
