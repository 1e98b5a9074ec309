package io.governanceledger.support.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Holds every JSON request body to {@link EdgeInput}: text, dates and instants are read only through
 * it, and an enum only by the exact name of one of its values (Jackson would trim {@code "ALLOCATION "}).
 * Registered with the HTTP mapper of both services, so no field of any request escapes it.
 */
public class EdgeInputModule extends SimpleModule {

    public EdgeInputModule() {
        super("ledger-edge-input");
        addDeserializer(String.class, new Text(false));
        addDeserializer(
                LocalDate.class,
                new Parsed<>(LocalDate.class, EdgeInput::date, "a date written as a string (\"YYYY-MM-DD\")"));
        addDeserializer(
                Instant.class,
                new Parsed<>(
                        Instant.class,
                        EdgeInput::instant,
                        "an instant written as a string (\"YYYY-MM-DDThh:mm:ssZ\")"));
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config,
                    JavaType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass(), deserializer);
            }

            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(
                    DeserializationConfig config,
                    tools.jackson.databind.type.CollectionType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return Set.class.isAssignableFrom(type.getRawClass())
                        ? new UniqueItems(type, deserializer)
                        : deserializer;
            }
        });
    }

    /**
     * The HTTP mapper's reading rules: this module, no coercion between text, numbers and booleans, no
     * fraction or exponent for an integer, no key given twice.
     */
    public static void applyTo(JsonMapper.Builder builder) {
        builder.withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        config -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new EdgeInputModule());
    }

    /** A refused value, with the rule it breaks; Jackson adds the path to the field as it unwinds. */
    public static final class RefusedValueException extends MismatchedInputException {
        private final String rule;
        private final String reason;

        RefusedValueException(JsonParser parser, Class<?> type, String rule, String reason) {
            super(parser, reason, type);
            this.rule = rule;
            this.reason = reason;
        }

        public String rule() {
            return rule;
        }

        public String reason() {
            return reason;
        }
    }

    /** A date, instant or enum value comes only as a JSON string: a number or boolean is the wrong type. */
    private static void requireString(JsonParser parser, Class<?> type, String written) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw new RefusedValueException(parser, type, "type", "must be " + written);
        }
    }

    private static RefusedValueException refused(JsonParser parser, Class<?> type, EdgeInput.EdgeInputException e) {
        return new RefusedValueException(parser, type, e.rule(), e.getMessage());
    }

    /** Text as the ledger keeps it; multi-line only in fields marked {@link MultiLine}. */
    static final class Text extends StdDeserializer<String> {
        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean wanted = property != null && property.getAnnotation(MultiLine.class) != null;
            return wanted == multiLine ? this : new Text(wanted);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String raw = StringDeserializer.instance.deserialize(parser, context);
            if (raw == null) {
                return null;
            }
            try {
                return EdgeInput.text(raw, multiLine);
            } catch (EdgeInput.EdgeInputException e) {
                throw refused(parser, String.class, e);
            }
        }
    }

    /** A date or instant, read only from a string and only by {@link EdgeInput}'s rule for it. */
    static final class Parsed<T> extends StdDeserializer<T> {
        private final Function<String, T> parse;
        private final String written;

        Parsed(Class<T> type, Function<String, T> parse, String written) {
            super(type);
            this.parse = parse;
            this.written = written;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            requireString(parser, handledType(), written);
            try {
                return parse.apply(parser.getString());
            } catch (EdgeInput.EdgeInputException e) {
                throw refused(parser, handledType(), e);
            }
        }
    }

    /**
     * A set is written as a list of distinct values (the OpenAPI documents say {@code uniqueItems}): a value
     * given twice is refused, not silently merged.
     */
    static final class UniqueItems extends StdDeserializer<Object> {
        private final ValueDeserializer<?> delegate;

        UniqueItems(JavaType type, ValueDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            ValueDeserializer<?> contextual =
                    context.handleSecondaryContextualization(delegate, property, getValueType());
            return contextual == delegate ? this : new UniqueItems(getValueType(), contextual);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            tools.jackson.databind.JsonNode tree = context.readTree(parser);
            if (tree.isArray()) {
                java.util.Set<tools.jackson.databind.JsonNode> seen = new java.util.HashSet<>();
                for (tools.jackson.databind.JsonNode item : tree) {
                    if (!seen.add(item)) {
                        throw new RefusedValueException(
                                parser,
                                handledType(),
                                "duplicate-item",
                                "lists " + EdgeInput.printable(item.toString())
                                        + " more than once; each value may appear once");
                    }
                }
            }
            JsonParser items = tree.traverse(context);
            items.nextToken();
            return delegate.deserialize(items, context);
        }
    }

    /** An enum value only as one of its names, exactly; the wrapped deserializer does the rest. */
    static final class ExactEnum extends StdDeserializer<Object> {
        private final Set<String> names;
        private final ValueDeserializer<?> delegate;

        ExactEnum(Class<?> type, ValueDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
            this.names = type.isEnum()
                    ? Arrays.stream(type.getEnumConstants())
                            .map(value -> ((Enum<?>) value).name())
                            .collect(Collectors.toCollection(java.util.LinkedHashSet::new))
                    : Set.of();
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            ValueDeserializer<?> contextual =
                    context.handleSecondaryContextualization(delegate, property, context.constructType(handledType()));
            return contextual == delegate ? this : new ExactEnum(handledType(), contextual);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Enum;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            requireString(parser, handledType(), "one of " + String.join(", ", names) + ", as a string");
            String text = parser.getString();
            if (!names.contains(text)) {
                throw new RefusedValueException(
                        parser,
                        handledType(),
                        "format",
                        "'" + EdgeInput.printable(text) + "' is not one of " + String.join(", ", names));
            }
            return delegate.deserialize(parser, context);
        }
    }
}
