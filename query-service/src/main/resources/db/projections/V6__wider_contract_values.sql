-- A contract's value after amendments can outgrow the 13 digits a single amount may have.
ALTER TABLE contract_amendment ALTER COLUMN value_after TYPE NUMERIC(20, 2);
