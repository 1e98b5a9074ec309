package io.governanceledger.query.decisions;

import static io.governanceledger.query.ProjectionDatabase.at;
import static io.governanceledger.query.ProjectionDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.events.decisions.DecisionApprovedEvent;
import io.governanceledger.events.decisions.DecisionDetails;
import io.governanceledger.events.decisions.DecisionOption;
import io.governanceledger.events.decisions.DecisionRecordedEvent;
import io.governanceledger.events.decisions.DecisionRevokedEvent;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.events.decisions.DecisionSupersededEvent;
import io.governanceledger.events.decisions.Participant;
import io.governanceledger.query.ProjectionDatabase;
import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.TestPrograms;
import io.governanceledger.support.time.BusinessClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class DecisionProjectionTest {

    private static final Instant T1 = Instant.parse("2026-03-11T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-12T09:00:00Z");
    private static final LocalDate MEETING = LocalDate.of(2026, 3, 10);
    private static final BusinessClock CLOCK = new BusinessClock(
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Brussels")),
            ZoneId.of("Europe/Brussels"));

    private JdbcClient jdbc;
    private DecisionProjection projection;
    private DecisionQueries queries;

    @BeforeEach
    void setUp() {
        var store = ProjectionDatabase.create();
        jdbc = store.jdbc();
        projection = new DecisionProjection(store);
        queries = new DecisionQueries(jdbc, new io.governanceledger.query.programs.KnownPrograms(jdbc), CLOCK);
        TestPrograms.create(store, "P", LocalDate.of(2024, 1, 1));
    }

    private static DecisionRecordedEvent recorded(String id, String supersedes) {
        return new DecisionRecordedEvent(
                id,
                "P",
                new DecisionDetails(
                        "Title " + id,
                        "ctx",
                        List.of(new DecisionOption("A", "a"), new DecisionOption("B", "b")),
                        "B",
                        "why",
                        "SC",
                        MEETING,
                        null,
                        null,
                        List.of(new Participant("X", "chair")),
                        null,
                        List.of()),
                supersedes);
    }

    private void deliver(Object payload, long position, Instant recordedAt) {
        feed(event(payload, "pmo", recordedAt, recordedAt), position);
    }

    private void feed(EventMessage<?> message, long position) {
        Object payload = message.getPayload();
        if (payload instanceof DecisionRecordedEvent e) {
            projection.on(e, message, at(position));
        } else if (payload instanceof DecisionApprovedEvent e) {
            projection.on(e, message, at(position));
        } else if (payload instanceof DecisionRevokedEvent e) {
            projection.on(e, message, at(position));
        } else if (payload instanceof DecisionSupersededEvent e) {
            projection.on(e, message, at(position));
        } else {
            throw new IllegalArgumentException(message.getPayloadType().getName());
        }
    }

    private DecisionView view(String id) {
        return queries.find(new FindDecisionQuery("P", id, pointAt(null, null))).orElseThrow();
    }

    @Test
    void projectsTheLifecycleAndTheHistoryWithAuditFields() {
        deliver(recorded("d1", null), 1, T1);
        feed(
                event(
                        new DecisionApprovedEvent("d1", "P", MEETING, LocalDate.of(2026, 7, 1), "B", null),
                        "chair",
                        T2,
                        Instant.parse("2026-06-30T22:00:00Z")),
                2);

        DecisionView view = view("d1");
        assertThat(view.summary().status()).isEqualTo(DecisionStatus.APPROVED);
        assertThat(view.summary().effectiveFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(view.summary().recordedAt()).isEqualTo(T1);
        assertThat(view.summary().lastChangedAt()).isEqualTo(T2);
        assertThat(view.details().options()).hasSize(2);
        assertThat(view.history())
                .extracting(entry -> entry.eventType())
                .containsExactly("DecisionRecordedEvent", "DecisionApprovedEvent");
        assertThat(view.history().get(1).actor()).isEqualTo("chair");
        assertThat(view.history().get(1).effectiveAt()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(view.history().get(1).recordedAt()).isEqualTo(T2);
        assertThat(view.history().get(1).payload()).containsEntry("effectiveFrom", "2026-07-01");
    }

    @Test
    void redeliveredAndOlderEventsChangeNothing() {
        EventMessage<?> record = event(recorded("d1", null), "pmo", T1, T1);
        EventMessage<?> approval =
                event(new DecisionApprovedEvent("d1", "P", MEETING, MEETING, "B", null), "pmo", T2, T2);
        feed(record, 1);
        feed(approval, 2);

        feed(approval, 2);
        feed(record, 1);

        DecisionView view = view("d1");
        assertThat(view.summary().status()).isEqualTo(DecisionStatus.APPROVED);
        assertThat(view.history()).hasSize(2);
    }

    @Test
    void supersedingLinksBothDecisionsAndTheRegisterFilters() {
        deliver(recorded("d1", null), 1, T1);
        deliver(new DecisionApprovedEvent("d1", "P", MEETING, MEETING, "B", null), 2, T1);
        deliver(new DecisionSupersededEvent("d1", "P", "d2", LocalDate.of(2026, 4, 1)), 3, T2);
        deliver(recorded("d2", "d1"), 4, T2);
        deliver(
                new DecisionApprovedEvent("d2", "P", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1), "A", null),
                5,
                T2);

        assertThat(view("d1").summary().supersededBy()).isEqualTo("d2");
        assertThat(view("d1").summary().status()).isEqualTo(DecisionStatus.SUPERSEDED);
        assertThat(view("d2").summary().supersedes()).isEqualTo("d1");

        DecisionRegisterView all = queries.register(
                        new FindDecisionsQuery("P", null, null, null, 0, 10, pointAt(null, null)))
                .orElseThrow();
        assertThat(all.decisions()).extracting(summary -> summary.decisionId()).containsExactly("d2", "d1");
        DecisionRegisterView approved = queries.register(
                        new FindDecisionsQuery("P", DecisionStatus.APPROVED, null, null, 0, 10, pointAt(null, null)))
                .orElseThrow();
        assertThat(approved.total()).isEqualTo(1);
        DecisionRegisterView march = queries.register(new FindDecisionsQuery(
                        "P", null, MEETING, LocalDate.of(2026, 3, 31), 0, 10, pointAt(null, null)))
                .orElseThrow();
        assertThat(march.decisions())
                .extracting(summary -> summary.decisionId())
                .containsExactly("d1");
    }

    @Test
    void aBackDatedRevocationChangesThePastAsKnownNowButNotWhatWasKnownBefore() {
        Instant march10 = Instant.parse("2026-03-09T23:00:00Z");
        Instant april1 = Instant.parse("2026-03-31T22:00:00Z");
        Instant t3 = Instant.parse("2026-06-01T09:00:00Z");
        feed(event(recorded("d1", null), "pmo", T1, march10), 1);
        feed(event(new DecisionApprovedEvent("d1", "P", MEETING, MEETING, "B", null), "pmo", T2, march10), 2);
        // recorded in June, effective from 1 April
        feed(
                event(
                        new DecisionRevokedEvent("d1", "P", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)),
                        "pmo",
                        t3,
                        april1),
                3);

        LocalDate may = LocalDate.of(2026, 5, 1);
        assertThat(viewAt("d1", may, null).summary().status()).isEqualTo(DecisionStatus.REVOKED);
        assertThat(viewAt("d1", may, t3.minusSeconds(1)).summary().status()).isEqualTo(DecisionStatus.APPROVED);
        assertThat(viewAt("d1", may, t3.minusSeconds(1)).history()).hasSize(2);
        assertThat(viewAt("d1", LocalDate.of(2026, 3, 20), null).summary().status())
                .isEqualTo(DecisionStatus.APPROVED);
        assertThat(viewAt("d1", may, T2.minusSeconds(1)).summary().status()).isEqualTo(DecisionStatus.PROPOSED);
        assertThat(queries.find(new FindDecisionQuery("P", "d1", pointAt(AsOf.of(LocalDate.of(2026, 3, 9)), null))))
                .as("not tabled yet")
                .isEmpty();
        assertThat(queries.find(new FindDecisionQuery("P", "d1", pointAt(AsOf.of(may), T1.minusSeconds(1)))))
                .as("not recorded yet")
                .isEmpty();
        DecisionRegisterView registerThen = queries.register(new FindDecisionsQuery(
                        "P", DecisionStatus.APPROVED, null, null, 0, 10, pointAt(AsOf.of(may), t3.minusSeconds(1))))
                .orElseThrow();
        assertThat(registerThen.total()).isEqualTo(1);
        assertThat(registerThen.knownAt()).isEqualTo(t3.minusSeconds(1));
        assertThat(queries.register(new FindDecisionsQuery(
                                "P", DecisionStatus.APPROVED, null, null, 0, 10, pointAt(AsOf.of(may), null)))
                        .orElseThrow()
                        .total())
                .isZero();
    }

    private DecisionView viewAt(String id, LocalDate asOf, Instant knownAt) {
        return queries.find(new FindDecisionQuery("P", id, pointAt(AsOf.of(asOf), knownAt)))
                .orElseThrow();
    }

    @Test
    void unknownProgramOrDecisionIsNotFound() {
        assertThat(queries.register(new FindDecisionsQuery("NOPE", null, null, null, 0, 10, pointAt(null, null))))
                .isEmpty();
        assertThat(queries.find(new FindDecisionQuery("P", "nope", pointAt(null, null))))
                .isEmpty();
        deliver(recorded("d1", null), 1, T1);
        assertThat(queries.find(new FindDecisionQuery("OTHER", "d1", pointAt(null, null))))
                .isEmpty();
    }

    @Test
    void resetEmptiesTheReadModelForAReplay() {
        deliver(recorded("d1", null), 1, T1);
        projection.reset();
        assertThat(queries.find(new FindDecisionQuery("P", "d1", pointAt(null, null))))
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM decision_fact")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The point a request with these {@code asOf} and {@code knownAt} (null: absent) answers for. */
    private static PointInTime pointAt(AsOf asOf, Instant knownAt) {
        return PointInTime.of(asOf, knownAt, CLOCK);
    }
}
