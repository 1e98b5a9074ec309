package io.governanceledger.query.programs;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.timeline.RecordVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether the read side knows a program: other read models answer "unknown program" (404) by it. */
@Component
public class KnownPrograms {

    private final JdbcClient jdbc;

    public KnownPrograms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Known now, whatever its dates. */
    public boolean contains(String programId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM program WHERE program_id = ?)")
                .param(programId)
                .query(Boolean.class)
                .single();
    }

    /** Recorded by {@code knownAt}, whatever its dates. */
    public boolean knownBy(String programId, java.time.Instant knownAt) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM program_version WHERE record_id = ?"
                        + " AND known_at @> CAST(? AS TIMESTAMPTZ))")
                .params(programId, RecordVersions.utc(knownAt))
                .query(Boolean.class)
                .single();
    }

    /** Existing on {@code point.asOf()} as known at {@code point.knownAt()}. */
    public boolean contains(String programId, PointInTime point) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM program_version WHERE record_id = :programId AND "
                        + RecordVersions.AT_POINT + ")")
                .param("programId", programId)
                .param("knownAt", point.knownAtUtc())
                .param("effectiveAt", point.effectiveAtUtc())
                .query(Boolean.class)
                .single();
    }
}
