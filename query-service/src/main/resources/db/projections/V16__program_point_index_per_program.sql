-- Every point-in-time read of a program's records first asks whether the program existed at that
-- point: "record_id = ? AND known_at @> ? AND effective @> ?" on program_version (and a program read
-- by id asks the same). V15 left program_version with its GiST index on (known_at, effective) over
-- every program, and the prepared statement's generic plan (used after five executions) took it,
-- filtering record_id from every program current at the point: at 1,800,000 events (24,004 versions)
-- 1,500 to 11,800 rows removed and 2 to 40 ms for the existence check, 80 ms for a program read by id,
-- growing with the number of programs. As for the other versions tables in V15, one GiST index with
-- the program first answers the whole condition; reads over all programs use it on its range columns.
DROP INDEX IF EXISTS program_version_point;
CREATE INDEX program_version_point ON program_version USING GIST (record_id, known_at, effective);
