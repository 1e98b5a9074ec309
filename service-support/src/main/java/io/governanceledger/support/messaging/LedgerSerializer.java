package io.governanceledger.support.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one serializer for everything stored or sent: events, snapshots, commands, queries, tokens.
 * Plain JSON with ISO-8601 dates, so a stored payload reads the same in 15 years without this code.
 */
public final class LedgerSerializer {

    private LedgerSerializer() {}

    private static final ObjectMapper MAPPER = objectMapper();
    /** For {@link #toJson}: documents a read model keeps, whose text must fit PostgreSQL (see {@link StorableText}). */
    private static final ObjectMapper STORABLE = objectMapper()
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("storable-text")
                    .addSerializer(
                            String.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(String.class) {
                                @Override
                                public void serialize(
                                        String value,
                                        com.fasterxml.jackson.core.JsonGenerator generator,
                                        com.fasterxml.jackson.databind.SerializerProvider provider)
                                        throws java.io.IOException {
                                    generator.writeString(StorableText.escape(value));
                                }
                            }));

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Axon reads stored events through a JSON tree (for upcasting): keep every decimal
                // exact there, or 1234.50 comes back as the double 1234.5
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    /**
     * A value as a read model keeps it in a jsonb column: the JSON it is stored as, with any character
     * PostgreSQL cannot hold written as its visible escape ({@link StorableText}).
     */
    public static String toJson(Object value) {
        try {
            return STORABLE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** The inverse of {@link #toJson(Object)}. */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read JSON as " + type.getName(), e);
        }
    }

    public static JacksonSerializer create() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}
