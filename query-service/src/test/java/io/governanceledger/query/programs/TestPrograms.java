package io.governanceledger.query.programs;

import io.governanceledger.events.programs.ProgramCreatedEvent;
import io.governanceledger.query.ProjectionDatabase;
import io.governanceledger.query.timeline.ProjectionStore;
import java.time.Instant;
import java.time.LocalDate;

/** Programs for projection tests of other read models, created through the programs projection. */
public final class TestPrograms {

    private TestPrograms() {}

    /** Program {@code programId} in EUR, started on {@code start}, created at position 0 long before any test event. */
    public static void create(ProjectionStore store, String programId, LocalDate start) {
        ProgramCreatedEvent created = new ProgramCreatedEvent(programId, "n", "s", start, start.plusYears(10), "EUR");
        Instant longAgo = Instant.parse("2000-01-01T00:00:00Z");
        new ProgramProjection(store)
                .on(created, ProjectionDatabase.event(created, "pmo", longAgo, longAgo), ProjectionDatabase.at(0));
    }
}
