package io.governanceledger.query.programs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether the read side knows a program: other read models answer "unknown program" (404) by it. */
@Component
public class KnownPrograms {

    private final JdbcClient jdbc;

    public KnownPrograms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(String programId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM program WHERE program_id = ?)").param(programId)
                   .query(Boolean.class).single();
    }
}
