-- When each contract record was recorded, so the contract view can answer "known at".
ALTER TABLE contract_call_off ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE contract_index_value ADD COLUMN recorded_at TIMESTAMPTZ;
UPDATE contract_call_off SET recorded_at = '-infinity' WHERE recorded_at IS NULL;
UPDATE contract_index_value SET recorded_at = '-infinity' WHERE recorded_at IS NULL;
ALTER TABLE contract_call_off ALTER COLUMN recorded_at SET NOT NULL;
ALTER TABLE contract_index_value ALTER COLUMN recorded_at SET NOT NULL;
