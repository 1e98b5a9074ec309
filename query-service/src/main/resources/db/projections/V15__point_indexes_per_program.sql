-- Point-in-time reads of one program (its decision register, budget balances, movements, delegations)
-- ask for "program_id = ? AND known_at @> ? AND effective @> ?". The versions tables had a GiST index
-- on (known_at, effective) over every program, and PostgreSQL's plan for the prepared statement
-- (a generic plan, used after five executions) intersected it with the program's index: at 1,000,000
-- events (15,385 programs) the GiST part returned 160,896 rows for a program with 36 versions, 241 ms
-- a decision register. One GiST index on (program_id, known_at, effective) answers the whole
-- condition (0.2 ms, same plan generic or not); btree_gist provides the equality on program_id in
-- GiST (a contrib extension, trusted: a database owner may create it). Reads over all programs still
-- use it on its range columns. program_version keeps its index: it is read by record, or across
-- programs.
CREATE EXTENSION IF NOT EXISTS btree_gist;

DROP INDEX IF EXISTS decision_version_known_at_effective_idx;
CREATE INDEX decision_version_point ON decision_version USING GIST (program_id, known_at, effective);

DROP INDEX IF EXISTS movement_version_known_at_effective_idx;
CREATE INDEX movement_version_point ON movement_version USING GIST (program_id, known_at, effective);

DROP INDEX IF EXISTS delegation_version_known_at_effective_idx;
CREATE INDEX delegation_version_point ON delegation_version USING GIST (program_id, known_at, effective);

DROP INDEX line_balance_point;
CREATE INDEX line_balance_point ON line_balance USING GIST (program_id, known_at, effective);
