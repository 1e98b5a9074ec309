package io.governanceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.governanceledger.support.messaging.LedgerSerializer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The processors' streams over the ledger order: those a notification wakes at the same position
 * share one read of the database, and a read that reached the head is not handed to a stream after
 * the next notification, which would leave that stream behind events it was told of.
 */
class LedgerEventSourceTest {

    @RegisterExtension
    static final LedgerTestDatabase database = LedgerTestDatabase.emptiedBeforeEachTest();

    @Test
    void streamsWokenByOneNotificationShareOneReadAndSeeEveryEvent() throws Exception {
        appendAndSeal("A", 3);
        Source ledger = new Source(100);
        List<BlockingStream<TrackedEventMessage<?>>> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            streams.add(ledger.source().openStream(null));
        }
        for (BlockingStream<TrackedEventMessage<?>> stream : streams) {
            // a new stream reads the database itself once, as after any quiet interval
            assertThat(drain(stream)).containsExactly(1L, 2L, 3L);
        }
        int opened = ledger.reader().calls.get();

        appendAndSeal("B", 2);
        for (BlockingStream<TrackedEventMessage<?>> stream : streams) {
            assertThat(drain(stream)).as("not told yet").isEmpty();
        }
        ledger.notifications().sealed();
        for (BlockingStream<TrackedEventMessage<?>> stream : streams) {
            assertThat(drain(stream)).containsExactly(4L, 5L);
        }

        assertThat(ledger.reader().calls.get() - opened).isEqualTo(1);
        streams.forEach(BlockingStream::close);
    }

    @Test
    void aReadThatReachedTheHeadServesNoStreamAfterTheNextNotification() throws Exception {
        appendAndSeal("A", 3);
        Source ledger = new Source(100);
        BlockingStream<TrackedEventMessage<?>> early = ledger.source().openStream(null);
        BlockingStream<TrackedEventMessage<?>> late = ledger.source().openStream(null);
        assertThat(drain(early)).containsExactly(1L, 2L, 3L);
        assertThat(drain(late)).containsExactly(1L, 2L, 3L);

        ledger.notifications().sealed();
        assertThat(drain(early)).as("woken, nothing new yet").isEmpty();
        appendAndSeal("B", 2);
        ledger.notifications().sealed();
        int before = ledger.reader().calls.get();

        assertThat(drain(late)).as("not the early stream's empty read").containsExactly(4L, 5L);
        assertThat(drain(early)).containsExactly(4L, 5L);
        assertThat(ledger.reader().calls.get() - before).isEqualTo(1);
        early.close();
        late.close();
    }

    @Test
    void aFullBatchIsFinalAndServesStreamsAfterLaterNotifications() throws Exception {
        appendAndSeal("A", 5);
        Source ledger = new Source(2);
        BlockingStream<TrackedEventMessage<?>> first = ledger.source().openStream(null);
        assertThat(drain(first)).containsExactly(1L, 2L, 3L, 4L, 5L);
        int reads = ledger.reader().calls.get();

        ledger.notifications().sealed();
        BlockingStream<TrackedEventMessage<?>> second = ledger.source().openStream(null);

        assertThat(drain(second)).containsExactly(1L, 2L, 3L, 4L, 5L);
        // its own first read (after 0), the full batch after 2 taken from the first stream's read, and
        // the short one after 4 read again since a notification came after it
        assertThat(ledger.reader().calls.get() - reads).isEqualTo(2);
        first.close();
        second.close();
    }

    @Test
    void aFailedReadFailsEveryStreamWaitingOnIt() throws Exception {
        appendAndSeal("A", 3);
        Source ledger = new Source(100);
        BlockingStream<TrackedEventMessage<?>> first = ledger.source().openStream(null);
        BlockingStream<TrackedEventMessage<?>> second = ledger.source().openStream(null);
        drain(first);
        drain(second);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ledger.reader().failNext(reading, release);
        ledger.notifications().sealed();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> failed = threads.submit(() -> first.hasNextAvailable());
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> waiting = threads.submit(() -> second.hasNextAvailable());
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());
        release.countDown();

        for (Future<?> stream : List.of(failed, waiting)) {
            assertThatThrownBy(() -> stream.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database down");
        }
        assertThat(ledger.reader().calls).as("one read for both").hasValue(3);
        threads.shutdownNow();
    }

    /** The positions the stream has available now, taken. */
    private static List<Long> drain(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<Long> positions = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            positions.add(stream.nextAvailable().trackingToken().position().orElseThrow());
        }
        return positions;
    }

    private static void appendAndSeal(String aggregate, int events) throws SQLException {
        try (Connection connection = database.dataSource.getConnection()) {
            for (long sequence = 0; sequence < events; sequence++) {
                LedgerTestDatabase.append(connection, aggregate + "-" + System.nanoTime(), sequence);
            }
        }
        new LedgerSealer(database.dataSource, LedgerTestDatabase.SCHEMA, 1000, Duration.ofSeconds(60), false)
                .sealAvailable();
    }

    /** A source over the test database reading {@code batchSize} events at a time, with its reader and notifications. */
    private record Source(CountingReader reader, ManualNotifications notifications, LedgerEventSource source) {

        Source(int batchSize) {
            this(new CountingReader(), new ManualNotifications(), batchSize);
        }

        private Source(CountingReader reader, ManualNotifications notifications, int batchSize) {
            this(reader, notifications, new LedgerEventSource(reader, notifications, Duration.ofMinutes(1), batchSize));
        }
    }

    private static final class CountingReader extends LedgerReader {

        final AtomicInteger calls = new AtomicInteger();

        CountingReader() {
            super(
                    database.dataSource,
                    LedgerTestDatabase.SCHEMA,
                    LedgerSerializer.create(),
                    NoOpEventUpcaster.INSTANCE);
        }

        private volatile CountDownLatch[] failing;

        /** The next read signals {@code reading}, waits for {@code release}, then fails. */
        void failNext(CountDownLatch reading, CountDownLatch release) {
            failing = new CountDownLatch[] {reading, release};
        }

        @Override
        public List<TrackedEventMessage<?>> readAfter(long position, int limit) {
            calls.incrementAndGet();
            CountDownLatch[] fail = failing;
            if (fail != null) {
                failing = null;
                fail[0].countDown();
                try {
                    fail[1].await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("database down");
            }
            return super.readAfter(position, limit);
        }
    }

    /** Notifications delivered by the test, in the order subscribed, as the listener delivers them. */
    private static final class ManualNotifications extends AppendNotifications {

        private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();

        ManualNotifications() {
            super(database.dataSource, "test_sealed");
        }

        @Override
        public void subscribe(Runnable subscriber) {
            subscribers.add(subscriber);
        }

        @Override
        public void unsubscribe(Runnable subscriber) {
            subscribers.remove(subscriber);
        }

        void sealed() {
            subscribers.forEach(Runnable::run);
        }
    }
}
