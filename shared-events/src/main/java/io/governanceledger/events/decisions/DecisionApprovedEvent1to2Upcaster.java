package io.governanceledger.events.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 to 2 of {@link DecisionApprovedEvent}: an approval recorded before conditions existed had
 * none ({@code conditions} is null). Stored events are never rewritten; this runs whenever a
 * revision-1 event is read.
 */
public class DecisionApprovedEvent1to2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(DecisionApprovedEvent.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(REVISION_1.getName(), "2"), JsonNode.class, payload -> {
                    if (payload instanceof ObjectNode object && !object.has("conditions")) {
                        object.putNull("conditions");
                    }
                    return payload;
                });
    }
}
