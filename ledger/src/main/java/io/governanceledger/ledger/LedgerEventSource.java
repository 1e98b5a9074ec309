package io.governanceledger.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event stream of the event processors: the sealed events in ledger order (gap-free positions,
 * so a token is one number and nothing committed later can appear behind it). Instead of polling the
 * store every fraction of a second, a stream reads again only when PostgreSQL reports that events
 * were sealed (and, as a safety net for a lost notification, after a quiet interval), and it tells a
 * pooled streaming processor at once that events are available, so the processor does not wait for
 * its own idle poll either.
 */
public class LedgerEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final LedgerReader reader;
    private final AppendNotifications notifications;
    private final Duration safetyPollInterval;
    private final int batchSize;

    private final SharedReads reads = new SharedReads();

    public LedgerEventSource(
            LedgerReader reader, AppendNotifications notifications, Duration safetyPollInterval, int batchSize) {
        this.reader = reader;
        this.notifications = notifications;
        this.safetyPollInterval = safetyPollInterval;
        this.batchSize = batchSize;
        // before any stream's: a notification makes the reads it follows stale before it wakes a stream
        notifications.subscribe(reads::sealed);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        NotifiedStream stream = new NotifiedStream(trackingToken);
        notifications.subscribe(stream.wakeUp);
        return stream;
    }

    /** Before position 1. */
    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(reader.headPosition());
    }

    /** Just before the first event recorded at or after {@code dateTime}. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        var before = reader.lastPositionBefore(dateTime);
        return before.isPresent() ? new GlobalSequenceTrackingToken(before.getAsLong()) : null;
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /**
     * One read of the ledger for all the streams that ask for the same events: each processor has its
     * own stream, and a notification wakes them all at once, usually at the same position; they share
     * the events read (as Axon's embedded event store shares its cache between processors; the messages
     * are immutable). A read that came back short reached the ledger's head as of the notifications seen
     * when it began, so it serves only until the next notification; a full batch is final.
     */
    private final class SharedReads {

        /** Enough for one read per processor (five) and a few left from the last notification. */
        private static final int KEPT = 8;

        private final AtomicLong notified = new AtomicLong();
        /** By the position read after; guarded by this. */
        private final LinkedHashMap<Long, Read> kept = new LinkedHashMap<>();

        void sealed() {
            notified.incrementAndGet();
        }

        List<TrackedEventMessage<?>> after(long position, boolean fromDatabase) {
            long seen = notified.get();
            Read read;
            boolean mine = false;
            synchronized (this) {
                read = kept.get(position);
                if (fromDatabase || read == null || !read.servesAfter(seen)) {
                    read = new Read(seen);
                    mine = true;
                    kept.remove(position);
                    kept.put(position, read);
                    kept.values().removeIf(old -> !old.servesAfter(seen) && old.done());
                    while (kept.size() > KEPT) {
                        kept.remove(kept.keySet().iterator().next());
                    }
                }
            }
            if (mine) {
                try {
                    read.complete(reader.readAfter(position, batchSize));
                } catch (RuntimeException | Error e) {
                    // the streams waiting on this read get the failure too, rather than waiting forever
                    synchronized (this) {
                        kept.remove(position, read);
                    }
                    read.fail(e);
                    throw e;
                }
            }
            return read.await();
        }

        /** A read in progress or done: begun after {@code notified} notifications. */
        private final class Read {

            private final long notified;
            private final CompletableFuture<List<TrackedEventMessage<?>>> events = new CompletableFuture<>();

            Read(long notified) {
                this.notified = notified;
            }

            /** Whether a stream that has seen {@code seen} notifications may take this read's events. */
            boolean servesAfter(long seen) {
                if (notified == seen) {
                    return true;
                }
                List<TrackedEventMessage<?>> read = events.getNow(null);
                return read != null && read.size() == batchSize;
            }

            boolean done() {
                return events.isDone();
            }

            void complete(List<TrackedEventMessage<?>> read) {
                events.complete(List.copyOf(read));
            }

            void fail(Throwable e) {
                events.completeExceptionally(e);
            }

            List<TrackedEventMessage<?>> await() {
                try {
                    return events.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
                }
            }
        }
    }

    private final class NotifiedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final AtomicBoolean appended = new AtomicBoolean(true);
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition woken = lock.newCondition();
        private final Runnable wakeUp = this::wakeUp;
        private volatile Runnable onAvailable = () -> {};
        private TrackingToken lastToken;
        private Iterator<TrackedEventMessage<?>> pending;
        private TrackedEventMessage<?> peeked;
        private Instant lastRead = Instant.MIN;

        NotifiedStream(TrackingToken from) {
            this.lastToken = from;
        }

        private void wakeUp() {
            appended.set(true);
            lock.lock();
            try {
                woken.signalAll();
            } finally {
                lock.unlock();
            }
            onAvailable.run();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable() {
            if (peeked != null) {
                return true;
            }
            if (pending != null) {
                if (pending.hasNext()) {
                    peeked = pending.next();
                    return true;
                }
                pending = null;
            }
            boolean quietTooLong = Duration.between(lastRead, Instant.now()).compareTo(safetyPollInterval) >= 0;
            if (!appended.getAndSet(false) && !quietTooLong) {
                return false;
            }
            lastRead = Instant.now();
            // the safety poll reads the database itself: it is there for a notification that never came
            List<TrackedEventMessage<?>> batch = reads.after(positionOf(lastToken), quietTooLong);
            if (batch.size() == batchSize) {
                // more may be waiting: read on without waiting for a notification
                appended.set(true);
            }
            pending = batch.iterator();
            if (pending.hasNext()) {
                peeked = pending.next();
                return true;
            }
            pending = null;
            return false;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!hasNextAvailable()) {
                long remaining = Math.min(deadline - System.nanoTime(), safetyPollInterval.toNanos());
                if (deadline - System.nanoTime() <= 0) {
                    return false;
                }
                lock.lock();
                try {
                    if (!appended.get()) {
                        woken.awaitNanos(remaining);
                    }
                } finally {
                    lock.unlock();
                }
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // wait until an event arrives
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            lastToken = next.trackingToken();
            return next;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.onAvailable = callback;
            return true;
        }

        @Override
        public void close() {
            notifications.unsubscribe(wakeUp);
            pending = null;
        }
    }
}
