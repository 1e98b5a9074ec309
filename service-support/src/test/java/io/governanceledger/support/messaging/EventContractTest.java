package io.governanceledger.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * The stored shape of every event is a contract for 15 years. Each event type has a revision, round
 * trips through the serializer, and matches its golden JSON for that revision in
 * {@code src/test/resources/golden-events}: a change of shape without a new revision (and an
 * upcaster) fails here. Run with {@code -Dgolden.write=true} to write the file for a new revision.
 */
class EventContractTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden-events");
    private final Serializer serializer = LedgerSerializer.create();
    private final ObjectMapper json = LedgerSerializer.objectMapper();

    static List<Class<?>> eventTypes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("io.governanceledger.events")) {
            types.add(Class.forName(definition.getBeanClassName()));
        }
        return types;
    }

    @Test
    void everyEventHasARevisionRoundTripsAndMatchesItsGoldenJson() throws Exception {
        List<Class<?>> types = eventTypes();
        assertThat(types).hasSizeGreaterThanOrEqualTo(9);
        for (Class<?> type : types) {
            Revision revision = type.getAnnotation(Revision.class);
            assertThat(revision).as(type.getSimpleName() + " has @Revision").isNotNull();
            assertThat(type.isRecord())
                    .as(type.getSimpleName() + " is a record")
                    .isTrue();

            Object sample = sample(type);
            SerializedObject<byte[]> stored = serializer.serialize(sample, byte[].class);
            assertThat(stored.getType().getRevision()).isEqualTo(revision.value());
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(sample);

            Path golden = GOLDEN.resolve(type.getSimpleName() + ".rev" + revision.value() + ".json");
            JsonNode actual = json.readTree(stored.getData());
            if (Boolean.getBoolean("golden.write") && !Files.exists(golden)) {
                Files.writeString(golden, json.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            }
            assertThat(golden)
                    .as("golden JSON of " + type.getSimpleName() + " revision " + revision.value())
                    .exists();
            JsonNode expected = json.readTree(Files.readString(golden));
            assertThat(actual)
                    .as(type.getSimpleName() + " changed shape without a new revision")
                    .isEqualTo(expected);
            assertThat(json.treeToValue(expected, type)).isEqualTo(sample);
        }
    }

    /** A deterministic instance with every field filled, recursively. */
    static Object sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getType(), components[i].getGenericType(), components[i].getName());
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }

    private static Object value(Class<?> type, Type generic, String name) throws ReflectiveOperationException {
        if (type == String.class) {
            return name + "-value";
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 7, 1);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-07-01T08:30:00Z");
        }
        if (type == Integer.class || type == int.class) {
            return 3;
        }
        if (type == Long.class || type == long.class) {
            return 42L;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("1234.50");
        }
        if (type == Boolean.class || type == boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class || type == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementType = (Class<?>) element;
            Object item = value(elementType, elementType, name + "-item");
            return type == List.class ? List.of(item) : Set.of(item);
        }
        if (type.isRecord()) {
            return sample(type);
        }
        throw new IllegalArgumentException("no sample value for " + type + " (" + name + ")");
    }
}
