package io.governanceledger.query.health;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A read model never skips an event. Axon's default logs a handler's failure and goes on with the next
 * event ("Continuing processing"), which would leave a record missing from every view while health
 * stays UP. Here a failure propagates: the batch's transaction rolls back, the processor stops at that
 * event and retries it with back-off, and the failure (position, event type, error) is kept for the
 * health endpoint until the read model's committed position passes it.
 */
@Component
public class FailingEvents implements ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(FailingEvents.class);

    /** Per read model, the events it failed on by position: its segments may each be stuck on another. */
    private final Map<String, java.util.concurrent.ConcurrentSkipListMap<Long, Failure>> failures =
            new ConcurrentHashMap<>();

    private final Clock clock = Clock.systemUTC();

    /** The event a read model failed on, and how often it was tried. */
    public record Failure(long position, String eventType, String error, Instant since, Instant last, int attempts) {}

    @Override
    public void configureModule(org.axonframework.config.Configurer configurer) {
        configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(configuration -> this::handlerFailed)
                .registerDefaultErrorHandler(configuration -> this::batchFailed));
    }

    /** The failure a read model is stuck on, unless its committed position has passed it. */
    public Optional<Failure> current(String processor, long committedPosition) {
        var failed = failures.get(processor);
        if (failed == null) {
            return Optional.empty();
        }
        failed.headMap(committedPosition, true).clear();
        var first = failed.firstEntry();
        return first == null ? Optional.empty() : Optional.of(first.getValue());
    }

    private void handlerFailed(Exception exception, EventMessage<?> event, EventMessageHandler handler)
            throws Exception {
        ProcessingGroup group = handler.getTargetType().getAnnotation(ProcessingGroup.class);
        record(group == null ? handler.getTargetType().getSimpleName() : group.value(), event, exception);
        throw exception;
    }

    private void batchFailed(ErrorContext context) throws Exception {
        List<? extends EventMessage<?>> events = context.failedEvents();
        // a handler's failure was recorded with its own event; this covers the batch's commit failing
        var known = failures.get(context.eventProcessor());
        if (!events.isEmpty() && (known == null || known.isEmpty())) {
            record(context.eventProcessor(), events.get(0), context.error());
        }
        Throwable error = context.error();
        if (error instanceof Exception exception) {
            throw exception;
        }
        throw (Error) error;
    }

    private void record(String processor, EventMessage<?> event, Throwable error) {
        long position = event instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position().orElse(-1)
                : -1;
        String type = event.getPayloadType().getSimpleName();
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        Instant now = clock.instant();
        Failure next = failures.computeIfAbsent(processor, name -> new java.util.concurrent.ConcurrentSkipListMap<>())
                .compute(
                        position,
                        (at, previous) -> previous != null
                                        && previous.eventType().equals(type)
                                ? new Failure(position, type, message, previous.since(), now, previous.attempts() + 1)
                                : new Failure(position, type, message, now, now, 1));
        if (next.attempts() == 1 || Integer.bitCount(next.attempts()) == 1) {
            log.error(
                    "Read model '{}' cannot take in event {} at position {} (attempt {}); it stops there and "
                            + "retries: {}",
                    processor,
                    type,
                    position,
                    next.attempts(),
                    message,
                    error);
        }
    }
}
