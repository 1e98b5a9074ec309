package io.governanceledger.query.timeline;

import io.governanceledger.support.messaging.StorableText;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where projections write, a transaction's worth at a time. Handlers do not write row by row: they
 * queue rows ({@link #write}) and per-record work ({@link #defer}); when the transaction commits (a
 * processor's batch, a rebuild's batch), the work runs once for all the records the batch touched (one
 * query loads them all) and the rows go out as one JDBC batch per statement. So a batch of events
 * costs a few round trips instead of several per event, and the result is the one the events give one
 * by one (tested).
 *
 * <p>A transaction that writes here commits without waiting for its WAL to reach the disk
 * ({@code synchronous_commit} off for that transaction only). Read models are derived from the ledger,
 * and a processor's position is committed in the same transaction as its rows, so a PostgreSQL crash can
 * only take back the last fraction of a second of both together, atomically: the processor then projects
 * those events again from the ledger, which is written durably. Nothing is lost or repeated, and a
 * projection no longer waits on a disk flush per batch (nor queues behind the appends' flushes).
 *
 * <p>Outside a transaction (a projection test calling a handler) each call is written at once.
 * A caller that reads inside the transaction it projected into calls {@link #flush} first
 * ({@code ProjectionFeed} does, for replays).
 */
@Component
public class ProjectionStore {

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    /** The batch of a thread that writes outside a transaction, between its call and the flush at its end. */
    private final ThreadLocal<Batch> unbound = new ThreadLocal<>();

    public ProjectionStore(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    public static ProjectionStore of(DataSource dataSource) {
        return new ProjectionStore(new JdbcTemplate(dataSource));
    }

    /** For the reads a flush needs. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    /**
     * Work a projection defers to the end of the transaction: it collects {@link #items} as events are
     * handled and, at {@link #flush(ProjectionStore)}, reads what it needs for all of them at once and
     * {@link #write}s rows.
     */
    public abstract static class Pending<T> {

        protected final List<T> items = new ArrayList<>();

        protected abstract void flush(ProjectionStore store);
    }

    /**
     * Adds {@code item} to {@code owner}'s pending work in this transaction (made by {@code create} on
     * first use); outside a transaction it is done at once.
     */
    public <T> void defer(Object owner, Supplier<? extends Pending<T>> create, T item) {
        @SuppressWarnings("unchecked")
        Pending<T> pending = (Pending<T>) batch().pending.computeIfAbsent(owner, key -> create.get());
        pending.items.add(item);
        flushUnlessInTransaction();
    }

    /** Queues one row write; rows of the same statement go out together, in the order queued. */
    public void write(String sql, Object... params) {
        batch().writes.computeIfAbsent(sql, key -> new ArrayList<>()).add(params);
        flushUnlessInTransaction();
    }

    /**
     * Runs the pending work and sends the queued rows now, in the current transaction. Work that a
     * flush hands on (a booking found new adds to the balances' work) runs in the same flush.
     */
    public void flush() {
        Batch batch = bound();
        if (batch != null) {
            batch.flush();
        }
    }

    /**
     * Without a transaction to wait for, a handler's work is written when the handler returns (and
     * work handed on during a flush joins that flush).
     */
    private void flushUnlessInTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            flush();
        }
    }

    private Batch bound() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            return (Batch) TransactionSynchronizationManager.getResource(this);
        }
        return unbound.get();
    }

    private Batch batch() {
        Batch batch = bound();
        if (batch != null) {
            return batch;
        }
        Batch created = new Batch();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // derived rows: see the class comment on why their commit need not wait for the disk
            template.execute("SET LOCAL synchronous_commit TO OFF");
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.flush();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProjectionStore.this);
                }
            });
        } else {
            unbound.set(created);
        }
        return created;
    }

    /**
     * A value as PostgreSQL can keep it. Events the edge accepts always fit; a ledger written before the
     * edge held them to its rules may carry NUL or a lone surrogate in a text (written as its visible
     * escape) or a date beyond PostgreSQL's calendar (kept as +/-infinity, beyond every point a view
     * is asked for). Either way the read model takes the event in rather than stop on it forever.
     */
    static Object storable(Object value) {
        if (value instanceof String text) {
            return StorableText.escape(text);
        }
        if (value instanceof LocalDate date) {
            return date.isAfter(LATEST_DATE) ? LocalDate.MAX : date.isBefore(EARLIEST_DATE) ? LocalDate.MIN : date;
        }
        if (value instanceof OffsetDateTime instant) {
            return instant.isAfter(LATEST_INSTANT)
                    ? OffsetDateTime.MAX
                    : instant.isBefore(EARLIEST_INSTANT) ? OffsetDateTime.MIN : instant;
        }
        return value;
    }

    /** PostgreSQL's calendar: dates and timestamps from 4713 BC; timestamps to 294276 AD, dates further. */
    private static final LocalDate EARLIEST_DATE = LocalDate.of(-4712, 1, 1);

    private static final LocalDate LATEST_DATE = LocalDate.of(294276, 12, 31);
    private static final OffsetDateTime EARLIEST_INSTANT =
            EARLIEST_DATE.atStartOfDay().atOffset(ZoneOffset.UTC);
    private static final OffsetDateTime LATEST_INSTANT =
            LATEST_DATE.atStartOfDay().atOffset(ZoneOffset.UTC);

    private final class Batch {

        private final Map<Object, Pending<?>> pending = new LinkedHashMap<>();
        private final Map<String, List<Object[]>> writes = new LinkedHashMap<>();
        private boolean flushing;

        void flush() {
            if (flushing) {
                return;
            }
            flushing = true;
            try {
                while (!pending.isEmpty()) {
                    Iterator<Pending<?>> first = pending.values().iterator();
                    Pending<?> work = first.next();
                    first.remove();
                    work.flush(ProjectionStore.this);
                }
                while (!writes.isEmpty()) {
                    Iterator<Map.Entry<String, List<Object[]>>> first =
                            writes.entrySet().iterator();
                    Map.Entry<String, List<Object[]>> statement = first.next();
                    first.remove();
                    send(statement.getKey(), statement.getValue());
                }
            } finally {
                flushing = false;
                if (unbound.get() == this) {
                    unbound.remove();
                }
            }
        }

        private void send(String sql, List<Object[]> rows) {
            template.execute((ConnectionCallback<Void>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (Object[] row : rows) {
                        for (int index = 0; index < row.length; index++) {
                            if (row[index] == null) {
                                statement.setNull(index + 1, Types.NULL);
                            } else {
                                statement.setObject(index + 1, storable(row[index]));
                            }
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
                return null;
            });
        }
    }
}
