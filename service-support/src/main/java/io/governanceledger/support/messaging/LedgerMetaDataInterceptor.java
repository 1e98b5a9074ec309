package io.governanceledger.support.messaging;

import io.governanceledger.events.LedgerMetaData;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Last check before an event is stored: the effective time defaults to the recorded time, and an
 * event without its actor, reason, correlation, causation or program is refused, so the store never
 * holds an event an auditor cannot attribute.
 */
public class LedgerMetaDataInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            EventMessage<?> completed = event.getMetaData().containsKey(LedgerMetaData.EFFECTIVE_AT)
                    ? event
                    // formatted as the store writes the recorded time (milliseconds), so the two compare equal
                    : event.andMetaData(
                            Map.of(LedgerMetaData.EFFECTIVE_AT, DateTimeUtils.formatInstant(event.getTimestamp())));
            for (String key : LedgerMetaData.REQUIRED) {
                Object value = completed.getMetaData().get(key);
                if (value == null || value.toString().isBlank()) {
                    throw new IllegalStateException("event "
                            + event.getPayloadType().getSimpleName() + " lacks required metadata '" + key + "'");
                }
            }
            return completed;
        };
    }
}
