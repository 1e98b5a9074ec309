-- One record's versions and one program's are found without going through every version of every
-- record: the point-in-time filter then runs over that record's or program's rows only.
CREATE INDEX program_version_record ON program_version (record_id);
CREATE INDEX decision_version_record ON decision_version (record_id);
CREATE INDEX decision_version_program ON decision_version (program_id);
CREATE INDEX movement_version_record ON movement_version (record_id);
CREATE INDEX delegation_version_program ON delegation_version (program_id);
CREATE INDEX line_balance_line ON line_balance (program_id, line_id);
