package io.governanceledger.system;

import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.ledger.LedgerReader;
import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.rebuild.ProjectionFeed;
import io.governanceledger.query.rebuild.ReadModelSchema;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers a query from a full replay instead of the bitemporal read models: in one transaction that
 * is always rolled back, it creates empty copies of every read-model table in a scratch schema, feeds
 * every projection the events recorded by {@code knownAt} whose effective time is within
 * {@code asOf}, straight from the ledger in ledger order, and runs the query there. A record's first
 * event is fed with any later event of it that is fed (a record exists once any fact about it
 * applies), as the read models do.
 *
 * <p>It replays the whole history for every answer: a reference for proofs and checks, never the way
 * a request is answered, so it lives with the tests. It reads the ledger order, so it needs the store
 * in PostgreSQL.
 */
public class ReplayReference {

    private static final int BATCH = 1000;

    private final ApplicationContext context;
    private final org.axonframework.config.Configuration axon;
    private final LedgerReader ledger;
    private final PlatformTransactionManager transactions;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    /** The reference over a running query service. */
    public static ReplayReference of(ApplicationContext context) {
        return new ReplayReference(
                context,
                context.getBean(org.axonframework.config.Configuration.class),
                context.getBean(LedgerReader.class),
                context.getBean(PlatformTransactionManager.class),
                context.getBean(JdbcClient.class),
                context.getBean(BusinessClock.class));
    }

    public ReplayReference(
            ApplicationContext context,
            org.axonframework.config.Configuration axon,
            LedgerReader ledger,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            BusinessClock clock) {
        this.context = context;
        this.axon = axon;
        this.ledger = ledger;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The answer {@code query} gives when the read models hold only the replay; {@code query} runs in
     * this thread, inside the replay's transaction.
     */
    public <T> T answer(AsOf asOf, Instant knownAt, Supplier<T> query) {
        return answer(null, asOf, knownAt, query);
    }

    /** As {@link #answer(LocalDate, Instant, Supplier)}, replaying only the events of one program (null: all). */
    public <T> T answer(String programId, AsOf asOf, Instant knownAt, Supplier<T> query) {
        PointInTime point = PointInTime.of(asOf, knownAt, clock);
        List<EventMessage<?>> replay = eventsAt(point);
        if (programId != null) {
            replay.removeIf(event -> !programId.equals(event.getMetaData().get(LedgerMetaData.PROGRAM_ID)));
        }
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            useScratchCopy();
            ProjectionFeed projections = ProjectionFeed.of(context, axon, group -> true);
            projections.feed(replay);
            return query.get();
        });
    }

    /** The events recorded by the point's knownAt that apply on its asOf, in ledger order. */
    List<EventMessage<?>> eventsAt(PointInTime point) {
        List<TrackedEventMessage<?>> known = new ArrayList<>();
        long position = 0;
        boolean more = true;
        while (more) {
            List<TrackedEventMessage<?>> batch = ledger.readAfter(position, BATCH);
            for (TrackedEventMessage<?> event : batch) {
                if (event.getTimestamp().isAfter(point.knownAt())) {
                    more = false;
                    break;
                }
                known.add(event);
                position = event.trackingToken().position().orElseThrow();
            }
            more &= batch.size() == BATCH;
        }
        Set<String> applyingRecords = new HashSet<>();
        for (TrackedEventMessage<?> event : known) {
            if (applies(event, point) && event instanceof DomainEventMessage<?> domain) {
                applyingRecords.add(domain.getAggregateIdentifier());
            }
        }
        List<EventMessage<?>> replay = new ArrayList<>();
        for (TrackedEventMessage<?> event : known) {
            boolean createsApplyingRecord = event instanceof DomainEventMessage<?> domain
                    && domain.getSequenceNumber() == 0
                    && applyingRecords.contains(domain.getAggregateIdentifier());
            if (createsApplyingRecord || applies(event, point)) {
                replay.add(event);
            }
        }
        return replay;
    }

    private static boolean applies(EventMessage<?> event, PointInTime point) {
        return !effectiveAt(event).isAfter(point.effectiveAt());
    }

    private static Instant effectiveAt(EventMessage<?> event) {
        Object value = event.getMetaData().get(LedgerMetaData.EFFECTIVE_AT);
        return (value == null ? event.getTimestamp() : Instant.parse(value.toString()))
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * Creates an empty copy of every read-model table and view in a scratch schema and points this
     * transaction's connection at it; the rollback removes it.
     */
    private void useScratchCopy() {
        String scratch = "replay_" + UUID.randomUUID().toString().replace("-", "");
        List<ReadModelSchema.View> views = ReadModelSchema.views(jdbc);
        ReadModelSchema.copyTables(jdbc, scratch, ReadModelSchema.allTables());
        jdbc.sql("SET LOCAL search_path TO " + scratch).update();
        ReadModelSchema.createViews(jdbc, scratch, views);
    }
}
