package io.governanceledger.support.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reading the whole stream of an event store up to its head, for the few answers the PostgreSQL tables
 * give by an index and Axon Server (the reduced mode) only by reading everything.
 */
public final class EventStreams {

    private EventStreams() {}

    /**
     * The events up to the store's head whose payload type {@code wanted} accepts, in stream order.
     *
     * @param what what is being read, for the message if the stream stops before its head
     */
    public static List<EventMessage<?>> toHead(EventStore store, Predicate<Class<?>> wanted, String what) {
        TrackingToken head = store.createHeadToken();
        List<EventMessage<?>> found = new ArrayList<>();
        if (head == null) {
            return found;
        }
        try (var stream = store.openStream(null)) {
            while (true) {
                if (!stream.hasNextAvailable(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the event stream stopped before its head while reading " + what);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (wanted.test(event.getPayloadType())) {
                    found.add(event);
                }
                if (event.trackingToken().covers(head)) {
                    return found;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + what, e);
        }
    }
}
