-- Access grants and deputy appointments, kept in the same transaction as their events so that a
-- write is always checked against everything recorded before it (support/access); rebuilt at start.
CREATE TABLE access_grant (
    grant_id        TEXT PRIMARY KEY,
    scope           TEXT        NOT NULL CHECK (scope IN ('PROGRAM', 'PORTFOLIO')),
    program_id      TEXT,
    grantee_kind    TEXT        NOT NULL CHECK (grantee_kind IN ('PERSON', 'GROUP')),
    grantee         TEXT        NOT NULL,
    role            TEXT        NOT NULL,
    valid_from      DATE        NOT NULL,
    valid_to        DATE,
    granted_by      TEXT        NOT NULL,
    granted_by_name TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL,
    CHECK ((scope = 'PROGRAM') = (program_id IS NOT NULL))
);
CREATE INDEX access_grant_by_grantee ON access_grant (grantee, grantee_kind);

CREATE TABLE access_revocation (
    event_id        TEXT PRIMARY KEY,
    grant_id        TEXT        NOT NULL REFERENCES access_grant (grant_id),
    effective_at    TIMESTAMPTZ NOT NULL,
    revoked_by      TEXT        NOT NULL,
    revoked_by_name TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_revocation_by_grant ON access_revocation (grant_id);

CREATE TABLE deputy_appointment (
    appointment_id    TEXT PRIMARY KEY,
    program_id        TEXT        NOT NULL,
    principal         TEXT        NOT NULL,
    deputy            TEXT        NOT NULL,
    valid_from        DATE        NOT NULL,
    valid_to          DATE,
    appointed_by      TEXT        NOT NULL,
    appointed_by_name TEXT,
    recorded_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX deputy_appointment_by_deputy ON deputy_appointment (deputy, program_id);

CREATE TABLE deputy_revocation (
    event_id       TEXT PRIMARY KEY,
    appointment_id TEXT        NOT NULL,
    effective_at   TIMESTAMPTZ NOT NULL,
    revoked_by     TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX deputy_revocation_by_appointment ON deputy_revocation (appointment_id);
