package io.governanceledger.events.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 to 2 of {@link DecisionRecordedEvent}: {@code details.participants} changes from free
 * text ("A. Peeters (chair)") to {name, role} objects, split as {@link Participant#parse} does.
 * Stored events are never rewritten; this runs whenever a revision-1 event is read.
 */
public class DecisionRecordedEvent1to2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(DecisionRecordedEvent.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(REVISION_1.getName(), "2"),
                JsonNode.class,
                DecisionRecordedEvent1to2Upcaster::splitParticipants);
    }

    static JsonNode splitParticipants(JsonNode payload) {
        JsonNode participants = payload.path("details").path("participants");
        if (participants.isArray()) {
            ArrayNode split = ((ObjectNode) payload.get("details")).putArray("participants");
            for (JsonNode text : participants) {
                Participant participant = Participant.parse(text.asText());
                ObjectNode object = split.addObject();
                object.put("name", participant.name());
                if (participant.role() != null) {
                    object.put("role", participant.role());
                }
            }
        }
        return payload;
    }
}
