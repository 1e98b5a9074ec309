package io.governanceledger.query.programs;

import static io.governanceledger.query.ProjectionDatabase.at;
import static io.governanceledger.query.ProjectionDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.events.programs.ProgramClosedEvent;
import io.governanceledger.events.programs.ProgramCreatedEvent;
import io.governanceledger.events.programs.ProgramRenamedEvent;
import io.governanceledger.events.programs.ProgramStatus;
import io.governanceledger.query.ProjectionDatabase;
import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.time.BusinessClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgramProjectionTest {

    private static final Instant T1 = Instant.parse("2026-01-05T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-05T08:00:00Z");
    private static final ProgramCreatedEvent CREATED =
            new ProgramCreatedEvent("P", "Airport", "COO", LocalDate.of(2024, 1, 1), LocalDate.of(2039, 1, 1), "EUR");

    private static final BusinessClock CLOCK = new BusinessClock(
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Brussels")),
            ZoneId.of("Europe/Brussels"));

    private ProgramProjection projection;
    private ProgramQueries queries;

    @BeforeEach
    void setUp() {
        var store = ProjectionDatabase.create();
        var jdbc = store.jdbc();
        projection = new ProgramProjection(store);
        queries = new ProgramQueries(jdbc, CLOCK);
    }

    private static EventMessage<?> recorded(Object payload, Instant when) {
        return event(payload, "pmo", when, when);
    }

    @Test
    void projectsCreationRenameAndClosure() {
        projection.on(CREATED, recorded(CREATED, T1), at(1));
        ProgramRenamedEvent renamed = new ProgramRenamedEvent("P", "Airport", "Airport II");
        projection.on(renamed, recorded(renamed, T2), at(7));
        ProgramClosedEvent closed = new ProgramClosedEvent("P", LocalDate.of(2026, 2, 1));
        projection.on(closed, recorded(closed, T2), at(9));

        ProgramView view =
                queries.find(new FindProgramQuery("P", pointAt(null, null))).orElseThrow();
        assertThat(view.name()).isEqualTo("Airport II");
        assertThat(view.status()).isEqualTo(ProgramStatus.CLOSED);
        assertThat(view.closedOn()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(view.createdAt()).isEqualTo(T1);
        assertThat(view.lastChangedAt()).isEqualTo(T2);
        assertThat(queries.findAll(new FindProgramsQuery(ProgramStatus.ACTIVE, pointAt(null, null), null)))
                .isEmpty();
        assertThat(queries.findAll(new FindProgramsQuery(ProgramStatus.CLOSED, pointAt(null, null), null)))
                .hasSize(1);
        assertThat(queries.findAll(new FindProgramsQuery(null, pointAt(null, null), null)))
                .hasSize(1);
    }

    @Test
    void anOlderRenameDeliveredAgainDoesNotUndoANewerOne() {
        projection.on(CREATED, recorded(CREATED, T1), at(1));
        ProgramRenamedEvent first = new ProgramRenamedEvent("P", "Airport", "Airport II");
        ProgramRenamedEvent second = new ProgramRenamedEvent("P", "Airport II", "Airport III");
        projection.on(first, recorded(first, T1), at(2));
        projection.on(second, recorded(second, T2), at(3));
        projection.on(first, recorded(first, T1), at(2));
        projection.on(CREATED, recorded(CREATED, T1), at(1));

        assertThat(queries.find(new FindProgramQuery("P", pointAt(null, null)))
                        .orElseThrow()
                        .name())
                .isEqualTo("Airport III");
    }

    @Test
    void unknownProgramIsEmpty() {
        assertThat(queries.find(new FindProgramQuery("NOPE", pointAt(null, null))))
                .isEmpty();
    }

    /** The point a request with these {@code asOf} and {@code knownAt} (null: absent) answers for. */
    private static PointInTime pointAt(AsOf asOf, Instant knownAt) {
        return PointInTime.of(asOf, knownAt, CLOCK);
    }
}
