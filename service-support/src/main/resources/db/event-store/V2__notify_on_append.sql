-- Wakes readers in other processes when events are committed, instead of having them poll. The
-- notification is sent once per appending transaction and only when it commits.
CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ledger_events_appended', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER domain_event_entry_notify
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();
