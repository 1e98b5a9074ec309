package io.governanceledger.query.rebuild;

import io.governanceledger.query.replay.ProjectionFeed;
import io.governanceledger.support.ledger.LedgerReader;
import io.governanceledger.support.web.RecordNotFoundException;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds one read model from the ledger while the old copy keeps answering.
 *
 * <ol>
 * <li>Empty copies of the read model's tables are created in a scratch schema.</li>
 * <li>Every sealed event, from position 1, is fed to the read model's projections in batches, each
 *     batch one transaction whose search path puts the scratch schema first.</li>
 * <li>Caught up with the ledger, the read model's processor in this instance is stopped, the copy
 *     catches up once more, and in one transaction the old tables leave schema {@code projections},
 *     the new ones take their place (with the same index names), the views over them are recreated and
 *     the processor's tokens are set to the copy's position with no owner. Queries running meanwhile
 *     wait a few milliseconds on the tables' locks; none sees an empty or partial read model.</li>
 * <li>The processor starts again and continues from that position. A processor of another instance
 *     that held a segment finds its claim gone, drops the batch it had not committed and claims again
 *     from the tokens.</li>
 * </ol>
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final int BATCH = 500;

    private final ApplicationContext context;
    private final org.axonframework.config.Configuration axon;
    private final EventProcessingConfiguration processing;
    private final LedgerReader ledger;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    public ProjectionRebuilder(ApplicationContext context, org.axonframework.config.Configuration axon,
                               EventProcessingConfiguration processing, LedgerReader ledger,
                               PlatformTransactionManager transactions, JdbcClient jdbc, Serializer serializer) {
        this.context = context;
        this.axon = axon;
        this.processing = processing;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Starts rebuilding {@code readModel}, unless a rebuild of it is already running (then its progress). */
    public RebuildProgress start(String readModel) {
        if (!ReadModels.TABLES.containsKey(readModel)) {
            throw new RecordNotFoundException("readModel", "No read model '" + readModel + "'; there are "
                    + String.join(", ", ReadModels.TABLES.keySet().stream().sorted().toList()) + ".");
        }
        Rebuild rebuild = rebuilds.compute(readModel, (name, running) ->
                running != null && running.state.equals("RUNNING") ? running : new Rebuild(name));
        rebuild.startOnce();
        return rebuild.progress();
    }

    public Optional<RebuildProgress> progress(String readModel) {
        return Optional.ofNullable(rebuilds.get(readModel)).map(Rebuild::progress);
    }

    private final class Rebuild {

        private final String readModel;
        private final List<String> tables;
        private final String scratch;
        private volatile String state = "RUNNING";
        private volatile long processed;
        private volatile long position;
        private volatile long head;
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
        private volatile String failure;
        private Thread thread;

        Rebuild(String readModel) {
            this.readModel = readModel;
            this.tables = ReadModels.TABLES.get(readModel);
            this.scratch = "rebuild_" + readModel + "_" + UUID.randomUUID().toString().substring(0, 8);
        }

        synchronized void startOnce() {
            if (thread == null) {
                startedAt = Instant.now();
                head = ledger.headPosition();
                thread = new Thread(this::run, "rebuild-" + readModel);
                thread.setDaemon(true);
                thread.start();
            }
        }

        RebuildProgress progress() {
            Instant end = finishedAt != null ? finishedAt : Instant.now();
            double seconds = Math.max(0.001, Duration.between(startedAt, end).toNanos() / 1e9);
            double rate = processed / seconds;
            Long left = rate > 0 && state.equals("RUNNING") ? Math.round(Math.max(0, head - position) / rate) : null;
            return new RebuildProgress(readModel, state, processed, position, head, Math.round(rate * 10) / 10.0, left,
                                       startedAt, finishedAt, failure);
        }

        private void run() {
            StreamingEventProcessor processor = processing.eventProcessor(readModel, StreamingEventProcessor.class)
                                                          .orElse(null);
            boolean stopped = false;
            try {
                createScratchCopy();
                ProjectionFeed projections = ProjectionFeed.of(context, axon, readModel::equals);
                catchUp(projections);
                if (processor != null) {
                    processor.shutDown();
                    stopped = true;
                }
                catchUp(projections);
                swap();
                state = "SWAPPED";
                log.info("Read model {} rebuilt from {} events up to position {}", readModel, processed, position);
            } catch (RuntimeException e) {
                state = "FAILED";
                failure = e.getMessage();
                log.error("Rebuilding read model {} failed; the old copy still answers", readModel, e);
                jdbc.sql("DROP SCHEMA IF EXISTS " + scratch + " CASCADE").update();
            } finally {
                finishedAt = Instant.now();
                if (stopped) {
                    processor.start();
                }
            }
        }

        private void createScratchCopy() {
            transactions.executeWithoutResult(status -> ReadModelSchema.copyTables(jdbc, scratch, tables));
        }

        private void catchUp(ProjectionFeed projections) {
            while (true) {
                List<TrackedEventMessage<?>> batch = ledger.readAfter(position, BATCH);
                if (batch.isEmpty()) {
                    return;
                }
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("SET LOCAL search_path TO " + scratch + ", projections").update();
                    batch.forEach(projections::feed);
                });
                position = batch.get(batch.size() - 1).trackingToken().position().orElseThrow();
                processed += batch.size();
                head = Math.max(head, ledger.headPosition());
            }
        }

        private void swap() {
            String retired = "retired_" + scratch;
            transactions.executeWithoutResult(status -> {
                // one swap at a time, in any process: each drops and recreates the views over all read models
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('governance-ledger read model swap'))").query().listOfRows();
                // the tables first, then the tokens: a processor of another instance writes in that order too
                for (String table : tables) {
                    jdbc.sql("LOCK TABLE projections." + table + " IN ACCESS EXCLUSIVE MODE").update();
                }
                int segments = jdbc.sql("SELECT segment FROM projections.token_entry WHERE processor_name = ? FOR UPDATE")
                                   .param(readModel).query().listOfRows().size();
                if (segments == 0) {
                    throw new IllegalStateException("read model " + readModel + " has no tokens yet: start its processor first");
                }
                List<ReadModelSchema.View> views = ReadModelSchema.views(jdbc);
                for (ReadModelSchema.View view : views) {
                    jdbc.sql("DROP VIEW projections." + view.name()).update();
                }
                keepIndexNames();
                jdbc.sql("CREATE SCHEMA " + retired).update();
                for (String table : tables) {
                    jdbc.sql("ALTER TABLE projections." + table + " SET SCHEMA " + retired).update();
                    jdbc.sql("ALTER TABLE " + scratch + "." + table + " SET SCHEMA projections").update();
                }
                jdbc.sql("SET LOCAL search_path TO projections").update();
                ReadModelSchema.createViews(jdbc, "projections", views);
                SerializedObject<byte[]> token = serializer.serialize(new GlobalSequenceTrackingToken(position), byte[].class);
                jdbc.sql("""
                         UPDATE projections.token_entry SET token = ?, token_type = ?, owner = NULL, time_stamp = ?
                         WHERE processor_name = ?
                         """)
                    .params(token.getData(), token.getType().getName(), Instant.now().toString(), readModel)
                    .update();
            });
            jdbc.sql("DROP SCHEMA " + retired + " CASCADE").update();
            jdbc.sql("DROP SCHEMA " + scratch).update();
        }

        /** Gives the new tables' indexes the names the migrations gave the old ones. */
        private void keepIndexNames() {
            List<Map<String, Object>> renames = jdbc.sql("""
                    SELECT n.indexname AS new_name, o.indexname AS old_name
                    FROM pg_indexes o
                    JOIN pg_indexes n ON n.schemaname = :scratch AND n.tablename = o.tablename
                     AND regexp_replace(n.indexdef, '^.* USING ', '') = regexp_replace(o.indexdef, '^.* USING ', '')
                     AND (n.indexdef LIKE 'CREATE UNIQUE%') = (o.indexdef LIKE 'CREATE UNIQUE%')
                    WHERE o.schemaname = 'projections' AND o.tablename IN (:tables) AND n.indexname <> o.indexname
                    """)
                    .param("scratch", scratch).param("tables", tables).query().listOfRows();
            for (Map<String, Object> rename : renames) {
                jdbc.sql("ALTER INDEX " + scratch + "." + rename.get("new_name") + " RENAME TO " + rename.get("old_name"))
                    .update();
            }
        }
    }
}
