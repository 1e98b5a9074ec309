package io.governanceledger.support.messaging;

import io.governanceledger.events.LedgerMetaData;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies the request's audit metadata from a command to every event it causes, and sets the causation
 * id to the id of that command. Replaces Axon's default origin provider, whose "correlationId" is in
 * fact the direct cause: here {@code correlationId} is the request's id, shared by all its messages.
 */
public class LedgerCorrelationDataProvider implements CorrelationDataProvider {

    private static final String[] COPIED = {
        LedgerMetaData.ACTOR,
        LedgerMetaData.ACTOR_NAME,
        LedgerMetaData.ON_BEHALF_OF,
        LedgerMetaData.EFFECTIVE_AT,
        LedgerMetaData.REASON,
        LedgerMetaData.CORRELATION_ID,
        LedgerMetaData.PROGRAM_ID,
        LedgerMetaData.CLIENT_ADDRESS
    };

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(LedgerMetaData.CORRELATION_ID, message.getIdentifier());
        data.put(LedgerMetaData.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
