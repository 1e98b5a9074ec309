-- When a contract is on record in effective time (its start, or its registration if it starts later):
-- before that instant, a contract view as of that date has no contract to show.
ALTER TABLE contract ADD COLUMN existing_from TIMESTAMPTZ NOT NULL;
