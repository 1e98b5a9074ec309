package io.governanceledger.command.web;

import io.governanceledger.support.web.IdempotencyKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The last event each command recorded, known once the command's transaction has committed, so that
 * its answer can name it ({@link CommandDispatcher#LAST_EVENT_HEADER}) and a reader can ask the
 * query service for answers that include it. Keyed by the command message's identifier, which a
 * retry after a lost race keeps; an attempt that rolled back records nothing.
 */
@Component
public class LastRecordedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    /** More than the commands that can be in flight at once; an answer that never came to collect its entry ages out. */
    private static final int KEPT = 4_096;

    private static final String RESOURCE = LastRecordedEvents.class.getName();

    private final Map<String, String> byCommand = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    /** The command's metadata key for the Idempotency-Key its request owns ("principal\nkey\nowner"). */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private final ObjectProvider<IdempotencyKeys> idempotencyKeys;

    public LastRecordedEvents(EventBus eventBus, ObjectProvider<IdempotencyKeys> idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
        eventBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (!messages.isEmpty() && CurrentUnitOfWork.isStarted()) {
            var root = CurrentUnitOfWork.get().root();
            String last = messages.get(messages.size() - 1).getIdentifier();
            // one entry per command, registered with its first events; later appends only move it on
            if (root.resources().put(RESOURCE, last) == null) {
                String command = root.getMessage().getIdentifier();
                Object owned = root.getMessage().getMetaData().get(IDEMPOTENCY_KEY);
                IdempotencyKeys keys = idempotencyKeys.getIfAvailable();
                if (owned instanceof String ownedKey && keys != null) {
                    // in the command's own transaction: its key is marked as having taken effect, or neither happens
                    String[] parts = ownedKey.split("\n", 3);
                    root.onPrepareCommit(unitOfWork ->
                            keys.recorded(parts[0], parts[1], java.util.UUID.fromString(parts[2]), (String)
                                    unitOfWork.resources().get(RESOURCE)));
                }
                root.afterCommit(unitOfWork -> {
                    synchronized (byCommand) {
                        byCommand.put(command, (String) unitOfWork.resources().get(RESOURCE));
                    }
                });
            }
        }
        return (index, message) -> message;
    }

    /** Takes the last event the command recorded, if its transaction committed any. */
    public Optional<String> take(String commandIdentifier) {
        synchronized (byCommand) {
            return Optional.ofNullable(byCommand.remove(commandIdentifier));
        }
    }
}
