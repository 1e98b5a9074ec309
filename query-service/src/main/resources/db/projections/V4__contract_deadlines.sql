-- What the contract's deadline events said: renewal notice due / overdue / recorded, term ended.
ALTER TABLE contract ADD COLUMN renewal_notice_state VARCHAR(16);
ALTER TABLE contract ADD COLUMN renewal_choice VARCHAR(16);
ALTER TABLE contract ADD COLUMN renewal_notice_sent_on DATE;
ALTER TABLE contract ADD COLUMN renewal_notice_deadline DATE;
ALTER TABLE contract ADD COLUMN term_ended_on DATE;
