package io.governanceledger.support.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The event stream of the event processors when the events are appended by another process. Instead
 * of polling the store every fraction of a second, a stream reads again only when PostgreSQL reports
 * a committed append (and, as a safety net for a lost notification, after a quiet interval), and it
 * tells a pooled streaming processor at once that events are available, so the processor does not
 * wait for its own idle poll either.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storageEngine;
    private final AppendNotifications notifications;
    private final Duration safetyPollInterval;

    public NotifiedEventSource(EventStorageEngine storageEngine, AppendNotifications notifications,
                               Duration safetyPollInterval) {
        this.storageEngine = storageEngine;
        this.notifications = notifications;
        this.safetyPollInterval = safetyPollInterval;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        NotifiedStream stream = new NotifiedStream(trackingToken);
        notifications.subscribe(stream.wakeUp);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return storageEngine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storageEngine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storageEngine.createTokenAt(dateTime);
    }

    private final class NotifiedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final AtomicBoolean appended = new AtomicBoolean(true);
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition woken = lock.newCondition();
        private final Runnable wakeUp = this::wakeUp;
        private volatile Runnable onAvailable = () -> {
        };
        private TrackingToken lastToken;
        private Stream<? extends TrackedEventMessage<?>> batch;
        private Iterator<? extends TrackedEventMessage<?>> pending;
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
                // Axon's tracked-event stream never ends: asking an exhausted one again queries the
                // store again. Ask once, then wait for a notification.
                if (pending.hasNext()) {
                    peeked = pending.next();
                    return true;
                }
                closeBatch();
            }
            boolean quietTooLong = Duration.between(lastRead, Instant.now()).compareTo(safetyPollInterval) >= 0;
            if (!appended.getAndSet(false) && !quietTooLong) {
                return false;
            }
            closeBatch();
            lastRead = Instant.now();
            batch = storageEngine.readEvents(lastToken, false);
            pending = batch.iterator();
            if (pending.hasNext()) {
                peeked = pending.next();
                return true;
            }
            closeBatch();
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
            closeBatch();
        }

        private void closeBatch() {
            if (batch != null) {
                batch.close();
                batch = null;
                pending = null;
            }
        }
    }
}
