package io.governanceledger.query.rebuild;

import io.governanceledger.ledger.LedgerReader;
import io.governanceledger.support.web.RecordNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds one read model, or all of them ({@value #ALL}) in one pass over the ledger, while the old
 * copies keep answering.
 *
 * <ol>
 * <li>Empty copies of the read models' tables are created in a scratch schema.</li>
 * <li>Every sealed event, from position 1, is fed to the read models' projections in batches, each
 *     batch one transaction whose search path puts the scratch schema first (the projections write a
 *     batch at a time, see {@link io.governanceledger.query.timeline.ProjectionStore}). The next batch is
 *     read and decoded on another thread while one is written.</li>
 * <li>Caught up with the ledger, the read models' processors in this instance are stopped, the copy
 *     catches up once more, and in one transaction the old tables leave schema {@code projections},
 *     the new ones take their place (with the same index names), the views over them are recreated and
 *     the processors' tokens are set to the copy's position with no owner. Queries running meanwhile
 *     wait a few milliseconds on the tables' locks; none sees an empty or partial read model.</li>
 * <li>The processors start again and continue from that position. A processor of another instance
 *     that held a segment finds its claim gone, drops the batch it had not committed and claims again
 *     from the tokens.</li>
 * </ol>
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class ProjectionRebuilder {

    /** The name that rebuilds every read model in one pass. */
    public static final String ALL = "all";

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final int BATCH = 1000;
    /** Writer threads of a rebuild of several read models (two cores are enough to overlap Java and PostgreSQL). */
    private static final int LANES = 2;

    private final ApplicationContext context;
    private final org.axonframework.config.Configuration axon;
    private final EventProcessingConfiguration processing;
    private final LedgerReader ledger;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    public ProjectionRebuilder(
            ApplicationContext context,
            org.axonframework.config.Configuration axon,
            EventProcessingConfiguration processing,
            LedgerReader ledger,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            Serializer serializer) {
        this.context = context;
        this.axon = axon;
        this.processing = processing;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Starts rebuilding {@code readModel} ({@value #ALL}: every read model), unless that rebuild is
     * already running (then its progress).
     *
     * @throws RebuildRunningException when another running rebuild covers one of its read models
     */
    public synchronized RebuildProgress start(String readModel) {
        List<String> models = readModel.equals(ALL)
                ? ReadModels.TABLES.keySet().stream().sorted().toList()
                : List.of(readModel);
        if (!readModel.equals(ALL) && !ReadModels.TABLES.containsKey(readModel)) {
            throw new RecordNotFoundException(
                    "readModel",
                    "No read model '" + readModel + "'; there are "
                            + String.join(
                                    ", ",
                                    ReadModels.TABLES.keySet().stream().sorted().toList()) + ", or " + ALL + ".");
        }
        Rebuild same = rebuilds.get(readModel);
        if (same != null && same.state == RebuildProgress.State.RUNNING) {
            return same.progress();
        }
        for (Rebuild running : rebuilds.values()) {
            if (running.state == RebuildProgress.State.RUNNING
                    && running.readModels.stream().anyMatch(models::contains)) {
                throw new RebuildRunningException(readModel, running.name);
            }
        }
        Rebuild rebuild = new Rebuild(readModel, models);
        rebuilds.put(readModel, rebuild);
        rebuild.startOnce();
        return rebuild.progress();
    }

    public Optional<RebuildProgress> progress(String readModel) {
        return Optional.ofNullable(rebuilds.get(readModel)).map(Rebuild::progress);
    }

    /** Another rebuild already running covers some of the read models asked for. */
    public static final class RebuildRunningException extends RuntimeException {

        RebuildRunningException(String asked, String running) {
            super("The rebuild '" + running + "' is running and covers read models of '" + asked
                    + "'; follow it, and ask again once it has swapped or failed.");
        }
    }

    private final class Rebuild {

        private final String name;
        private final List<String> readModels;
        private final List<String> tables;
        private final String scratch;
        private volatile RebuildProgress.State state = RebuildProgress.State.RUNNING;
        private volatile long processed;
        private volatile long position;
        private volatile long head;
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
        private volatile String failure;
        private Thread thread;

        Rebuild(String name, List<String> readModels) {
            this.name = name;
            this.readModels = readModels;
            this.tables = readModels.stream()
                    .flatMap(model -> ReadModels.TABLES.get(model).stream())
                    .toList();
            this.scratch =
                    "rebuild_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
        }

        synchronized void startOnce() {
            if (thread == null) {
                startedAt = Instant.now();
                head = ledger.headPosition();
                thread = new Thread(this::run, "rebuild-" + name);
                thread.setDaemon(true);
                thread.start();
            }
        }

        RebuildProgress progress() {
            Instant end = finishedAt != null ? finishedAt : Instant.now();
            double seconds = Math.max(0.001, Duration.between(startedAt, end).toNanos() / 1e9);
            double rate = processed / seconds;
            Long left = rate > 0 && state == RebuildProgress.State.RUNNING
                    ? Math.round(Math.max(0, head - position) / rate)
                    : null;
            return new RebuildProgress(
                    name,
                    state,
                    processed,
                    position,
                    head,
                    Math.round(rate * 10) / 10.0,
                    left,
                    startedAt,
                    finishedAt,
                    failure);
        }

        private void run() {
            List<StreamingEventProcessor> stopped = new ArrayList<>();
            ExecutorService reader = Executors.newSingleThreadExecutor(daemon("rebuild-" + name + "-reader"));
            ExecutorService writers = Executors.newFixedThreadPool(LANES, daemon("rebuild-" + name + "-writer"));
            try {
                long began = System.nanoTime();
                createScratchCopy();
                Map<String, List<String>> deferredIndexes =
                        transactions.execute(status -> ReadModelSchema.prepareBulkLoad(jdbc, scratch, tables));
                List<ProjectionFeed> projections = lanes();
                catchUp(projections, reader, writers);
                long loaded = System.nanoTime();
                finishBulkLoad(deferredIndexes, writers);
                long caughtUp = System.nanoTime();
                for (String model : readModels) {
                    processing
                            .eventProcessor(model, StreamingEventProcessor.class)
                            .ifPresent(processor -> {
                                processor.shutDown();
                                stopped.add(processor);
                            });
                }
                long processorsStopped = System.nanoTime();
                swapCaughtUp(projections, reader, writers);
                state = RebuildProgress.State.SWAPPED;
                log.info(
                        "Read models {} rebuilt from {} events up to position {}: caught up in {} ms (loaded in {} ms,"
                                + " logged, indexed and analysed in {} ms), processors stopped in {} ms,"
                                + " last events and swap in {} ms",
                        readModels,
                        processed,
                        position,
                        (caughtUp - began) / 1_000_000,
                        (loaded - began) / 1_000_000,
                        (caughtUp - loaded) / 1_000_000,
                        (processorsStopped - caughtUp) / 1_000_000,
                        (System.nanoTime() - processorsStopped) / 1_000_000);
            } catch (RuntimeException e) {
                state = RebuildProgress.State.FAILED;
                failure = e.getMessage();
                log.error("Rebuilding read models {} failed; the old copies still answer", readModels, e);
                try {
                    jdbc.sql("DROP SCHEMA IF EXISTS " + scratch + " CASCADE").update();
                } catch (RuntimeException dropFailed) {
                    log.warn(
                            "The scratch copy {} of the failed rebuild is left; drop it with DROP SCHEMA {} CASCADE",
                            scratch,
                            scratch,
                            dropFailed);
                }
            } finally {
                reader.shutdownNow();
                writers.shutdownNow();
                finishedAt = Instant.now();
                stopped.forEach(StreamingEventProcessor::start);
            }
        }

        private void createScratchCopy() {
            transactions.executeWithoutResult(status -> ReadModelSchema.copyTables(jdbc, scratch, tables));
        }

        /**
         * The read models in {@value #LANES} lanes, each written by its own thread in its own transaction per
         * batch, so that one lane's projecting overlaps the other's writing in PostgreSQL.
         */
        private List<ProjectionFeed> lanes() {
            List<ProjectionFeed> lanes = new ArrayList<>();
            for (int lane = 0; lane < Math.min(LANES, readModels.size()); lane++) {
                List<String> models = new ArrayList<>();
                for (int model = lane; model < readModels.size(); model += LANES) {
                    models.add(readModels.get(model));
                }
                lanes.add(ProjectionFeed.of(context, axon, models::contains));
            }
            return lanes;
        }

        /**
         * Logs, indexes, vacuums and analyses the loaded tables, largest first, one table at a time on each
         * writer thread: building an index keeps one core busy, so the two overlap.
         */
        private void finishBulkLoad(Map<String, List<String>> deferredIndexes, ExecutorService writers) {
            List<String> largestFirst = jdbc.sql("""
                                                 SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                                 WHERE n.nspname = :scratch AND c.relname IN (:tables)
                                                 ORDER BY pg_total_relation_size(c.oid) DESC, c.relname
                                                 """)
                    .param("scratch", scratch)
                    .param("tables", tables)
                    .query(String.class)
                    .list();
            if (largestFirst.size() != tables.size()) {
                throw new IllegalStateException("the scratch copy has tables " + largestFirst + ", expected " + tables);
            }
            List<Future<?>> finished = new ArrayList<>();
            for (String table : largestFirst) {
                finished.add(writers.submit(
                        () -> ReadModelSchema.finishBulkLoad(jdbc, scratch, table, deferredIndexes.get(table))));
            }
            // after a failure, the tables not started are left and the one still running is waited for, so
            // that nothing works on the scratch copy while it is dropped
            RuntimeException failure = null;
            for (Future<?> table : finished) {
                if (failure != null) {
                    table.cancel(false);
                }
                try {
                    await(table);
                } catch (CancellationException notStarted) {
                    // left because an earlier table failed
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        /**
         * Feeds batches until the ledger has no more, reading (and decoding) the next while one is
         * written; the position moves on once every lane has committed the batch.
         */
        private void catchUp(List<ProjectionFeed> lanes, ExecutorService reader, ExecutorService writers) {
            Future<List<TrackedEventMessage<?>>> next = reader.submit(() -> read(position));
            while (true) {
                List<TrackedEventMessage<?>> batch = await(next);
                if (batch.isEmpty()) {
                    return;
                }
                long last =
                        batch.get(batch.size() - 1).trackingToken().position().orElseThrow();
                next = reader.submit(() -> read(last));
                List<Future<?>> written = new ArrayList<>();
                for (ProjectionFeed lane : lanes) {
                    written.add(writers.submit(() -> transactions.executeWithoutResult(status -> {
                        jdbc.sql("SET LOCAL search_path TO " + scratch + ", projections")
                                .update();
                        lane.feed(batch);
                    })));
                }
                written.forEach(ProjectionRebuilder::await);
                position = last;
                processed += batch.size();
                head = Math.max(head, ledger.headPosition());
            }
        }

        private List<TrackedEventMessage<?>> read(long after) {
            List<TrackedEventMessage<?>> batch = ledger.readAfter(after, BATCH);
            batch.forEach(event -> {
                event.getPayload();
                event.getMetaData();
            });
            return batch;
        }

        /**
         * Catches up and swaps; a swap that deadlocks with a transaction still holding a table it moves
         * (PostgreSQL picks one of the two to fail) is rolled back whole, so it catches up and tries again.
         */
        private void swapCaughtUp(List<ProjectionFeed> projections, ExecutorService reader, ExecutorService writers) {
            for (int attempt = 1; ; attempt++) {
                catchUp(projections, reader, writers);
                try {
                    swap();
                    return;
                } catch (PessimisticLockingFailureException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    log.warn(
                            "Swapping read models {} failed on a lock ({}); catching up and trying again",
                            readModels,
                            e.getMostSpecificCause().getMessage());
                }
            }
        }

        private void swap() {
            String retired = "retired_" + scratch;
            transactions.executeWithoutResult(status -> {
                // one swap at a time, in any process: each drops and recreates the views over all read models
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('governance-ledger read model swap'))")
                        .query()
                        .listOfRows();
                // the tables first, then the tokens: a processor of another instance writes in that order too
                for (String table : tables) {
                    jdbc.sql("LOCK TABLE projections." + table + " IN ACCESS EXCLUSIVE MODE")
                            .update();
                }
                for (String model : readModels) {
                    int segments = jdbc.sql(
                                    "SELECT segment FROM projections.token_entry WHERE processor_name = ? FOR UPDATE")
                            .param(model)
                            .query()
                            .listOfRows()
                            .size();
                    if (segments == 0) {
                        throw new IllegalStateException(
                                "read model " + model + " has no tokens yet: start its processor first");
                    }
                }
                List<ReadModelSchema.View> views = ReadModelSchema.views(jdbc);
                for (ReadModelSchema.View view : views) {
                    jdbc.sql("DROP VIEW projections." + view.name()).update();
                }
                keepIndexNames();
                jdbc.sql("CREATE SCHEMA " + retired).update();
                for (String table : tables) {
                    jdbc.sql("ALTER TABLE projections." + table + " SET SCHEMA " + retired)
                            .update();
                    jdbc.sql("ALTER TABLE " + scratch + "." + table + " SET SCHEMA projections")
                            .update();
                }
                jdbc.sql("SET LOCAL search_path TO projections").update();
                ReadModelSchema.createViews(jdbc, "projections", views);
                SerializedObject<byte[]> token =
                        serializer.serialize(new GlobalSequenceTrackingToken(position), byte[].class);
                jdbc.sql("""
                         UPDATE projections.token_entry SET token = :token, token_type = :type, owner = NULL,
                                time_stamp = :now
                         WHERE processor_name IN (:models)
                         """)
                        .param("token", token.getData())
                        .param("type", token.getType().getName())
                        .param("now", Instant.now().toString())
                        .param("models", readModels)
                        .update();
            });
            jdbc.sql("DROP SCHEMA " + retired + " CASCADE").update();
            jdbc.sql("DROP SCHEMA " + scratch).update();
        }

        /** Gives the new tables' indexes the names the migrations gave the old ones. */
        private void keepIndexNames() {
            for (ReadModelSchema.IndexCopy index : ReadModelSchema.indexCopies(jdbc, scratch, tables)) {
                if (!index.copy().equals(index.name())) {
                    jdbc.sql("ALTER INDEX " + scratch + "." + index.copy() + " RENAME TO " + index.name())
                            .update();
                }
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("a rebuild step failed", e.getCause());
        }
    }
}
