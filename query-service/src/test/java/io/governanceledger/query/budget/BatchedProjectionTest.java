package io.governanceledger.query.budget;

import static io.governanceledger.query.ProjectionDatabase.at;
import static io.governanceledger.query.ProjectionDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.events.budget.BudgetLineOpenedEvent;
import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.DelegationGrantedEvent;
import io.governanceledger.events.budget.DelegationRevokedEvent;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.LedgerEntry.Measure;
import io.governanceledger.events.budget.Money;
import io.governanceledger.events.budget.MovementApprovalGivenEvent;
import io.governanceledger.events.budget.MovementBookedEvent;
import io.governanceledger.events.budget.MovementExpiredEvent;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementRefusedEvent;
import io.governanceledger.events.budget.MovementRequestedEvent;
import io.governanceledger.query.ProjectionDatabase;
import io.governanceledger.query.rebuild.ReadModels;
import io.governanceledger.query.timeline.ProjectionStore;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The budget read model written a batch at a time (as processors and rebuilds write it) holds exactly
 * the rows that the same events give one by one: facts, versions closed and opened, ledger legs and
 * balances, with back-dated bookings, several bookings of one line and a redelivery inside one batch.
 */
class BatchedProjectionTest {

    private static final BusinessClock CLOCK = new BusinessClock(
            Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("UTC")), ZoneId.of("Europe/Brussels"));

    @Test
    void aBatchWritesWhatTheEventsWriteOneByOne() {
        List<Consumer<BudgetProjection>> events = history();
        Map<String, List<String>> oneByOne = project(events, 1);
        assertThat(oneByOne.get("line_balance")).hasSizeGreaterThan(10);
        assertThat(oneByOne.get("movement_version")).hasSizeGreaterThan(8);
        assertThat(oneByOne.get("delegation_version")).hasSize(3);
        assertThat(oneByOne.get("budget_entry")).hasSize(8);

        for (int batch : new int[] {events.size(), 4, 3}) {
            Map<String, List<String>> batched = project(events, batch);
            batched.forEach((table, rows) -> assertThat(rows)
                    .as("%s in batches of %d", table, batch)
                    .containsExactlyElementsOf(oneByOne.get(table)));
        }
    }

    /** Every budget table's rows as JSON without their generated ids, sorted. */
    private static Map<String, List<String>> project(List<Consumer<BudgetProjection>> events, int batch) {
        DataSource dataSource = ProjectionDatabase.createDataSource();
        ProjectionStore store = ProjectionStore.of(dataSource);
        BudgetProjection projection = new BudgetProjection(store, CLOCK);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (int from = 0; from < events.size(); from += batch) {
            List<Consumer<BudgetProjection>> slice = events.subList(from, Math.min(events.size(), from + batch));
            if (batch == 1) {
                slice.forEach(event -> event.accept(projection));
            } else {
                transaction.executeWithoutResult(status -> slice.forEach(event -> event.accept(projection)));
            }
        }
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : ReadModels.TABLES.get("budget")) {
            tables.put(
                    table,
                    store.jdbc()
                            .sql("SELECT CAST(to_jsonb(t) - 'version_id' - 'balance_id' AS TEXT) FROM " + table
                                    + " t ORDER BY 1")
                            .query(String.class)
                            .list());
        }
        return tables;
    }

    private static List<Consumer<BudgetProjection>> history() {
        List<Consumer<BudgetProjection>> events = new ArrayList<>();
        long[] position = {0};
        Instant opened = Instant.parse("2025-12-31T23:00:00Z");
        Instant[] recorded = {Instant.parse("2026-06-01T08:00:00Z")};
        class Events {
            void add(Object payload, LocalDate effective) {
                long at = ++position[0];
                recorded[0] = recorded[0].plusSeconds(3600);
                EventMessage<?> message = event(payload, "finance", recorded[0], CLOCK.startOf(effective));
                events.add(projection -> deliver(projection, payload, message, at));
            }

            void again(int index) {
                events.add(events.get(index));
            }
        }
        Events history = new Events();
        events.add(projection -> projection.on(
                new BudgetLineOpenedEvent("P", "L1", "Infra", CostCategory.CAPEX, 2026, "EUR"),
                event("x", "finance", opened, opened),
                at(++position[0])));
        events.add(projection -> projection.on(
                new BudgetLineOpenedEvent("P", "L2", "Ops", CostCategory.OPEX, 2026, "EUR"),
                event("x", "finance", opened, opened),
                at(++position[0])));
        history.add(
                new DelegationGrantedEvent(
                        "P",
                        "D1",
                        "carol",
                        money("5000"),
                        List.of(),
                        List.of(),
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31),
                        "cfo"),
                LocalDate.of(2026, 1, 1));
        history.add(
                new MovementRequestedEvent("P", "M1", movement("L1", "1000"), "alice", 1, LocalDate.of(2026, 7, 1)),
                LocalDate.of(2026, 3, 1));
        history.add(new MovementApprovalGivenEvent("P", "M1", "carol", "D1", 1, 1), LocalDate.of(2026, 3, 2));
        history.add(
                booked("M1", movement("L1", "1000"), entry("L1", Measure.ALLOCATED, "1000")), LocalDate.of(2026, 3, 2));
        history.add(
                booked("M2", movement("L1", "20.25"), entry("L1", Measure.ALLOCATED, "20.25")),
                LocalDate.of(2026, 1, 15));
        history.again(events.size() - 1);
        history.add(
                booked(
                        "M3",
                        movement("L1", "250"),
                        entry("L1", Measure.ALLOCATED, "-250"),
                        entry("L2", Measure.ALLOCATED, "250")),
                LocalDate.of(2026, 2, 1));
        history.add(
                booked("M4", movement("L1", "300"), entry("L1", Measure.COMMITTED, "300")), LocalDate.of(2026, 3, 2));
        history.add(
                booked(
                        "M5",
                        movement("L2", "0.50"),
                        entry("L2", Measure.ACTUAL, "0.50"),
                        entry("L2", Measure.FORECAST, "10")),
                LocalDate.of(2026, 1, 2));
        history.add(
                new MovementRequestedEvent("P", "M6", movement("L2", "9000"), "alice", 2, LocalDate.of(2026, 7, 1)),
                LocalDate.of(2026, 4, 1));
        history.add(new MovementRefusedEvent("P", "M6", "carol"), LocalDate.of(2026, 4, 2));
        history.add(
                new MovementRequestedEvent("P", "M7", movement("L2", "90"), "alice", 2, LocalDate.of(2026, 5, 1)),
                LocalDate.of(2026, 4, 3));
        history.add(new MovementExpiredEvent("P", "M7"), LocalDate.of(2026, 5, 1));
        history.add(new DelegationRevokedEvent("P", "D1", "carol"), LocalDate.of(2026, 5, 2));
        history.add(booked("M8", movement("L1", "5"), entry("L1", Measure.ALLOCATED, "5")), LocalDate.of(2026, 2, 1));
        return events;
    }

    /** As a processor delivers it: to the handler for the payload's type, with the event's position. */
    private static void deliver(BudgetProjection projection, Object payload, EventMessage<?> message, long position) {
        try {
            new AnnotationEventHandlerAdapter(projection)
                    .handle(new GenericTrackedEventMessage<>(at(position), message));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not deliver " + payload.getClass().getSimpleName(), e);
        }
    }

    private static MovementBookedEvent booked(String id, BudgetMovement movement, LedgerEntry... entries) {
        return new MovementBookedEvent("P", id, movement, "finance", List.of(), List.of(entries));
    }

    private static BudgetMovement movement(String line, String amount) {
        return new BudgetMovement(MovementKind.ALLOCATION, line, null, money(amount), null, null, null, null, null);
    }

    private static Money money(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static LedgerEntry entry(String line, Measure measure, String delta) {
        return new LedgerEntry(line, measure, new BigDecimal(delta));
    }
}
