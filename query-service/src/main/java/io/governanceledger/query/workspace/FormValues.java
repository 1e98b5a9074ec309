package io.governanceledger.query.workspace;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a form's text becomes a JSON request: an empty field is absent; a number field is sent as a number
 * when it is one, and as the text otherwise, so the API names it and its rule.
 */
public final class FormValues {

    private FormValues() {}

    public static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }

    public static void putNumber(Map<String, Object> body, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            body.put(field, number.scale() <= 0 ? (Object) number.toBigIntegerExact() : number);
        } catch (NumberFormatException | ArithmeticException notANumber) {
            body.put(field, value);
        }
    }

    /** The non-blank lines of a text area, stripped. */
    public static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
