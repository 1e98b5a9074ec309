package io.governanceledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** What the edge lets through from a JSON body, field by field, and the rule it names otherwise. */
class EdgeInputModuleTest {

    enum Kind {
        ALLOCATION,
        TRANSFER
    }

    record Request(
            String name,
            @MultiLine String reason,
            LocalDate on,
            Instant at,
            Integer days,
            Kind kind,
            List<String> tags,
            java.util.Set<Kind> kinds) {}

    private static final JsonMapper JSON = mapper();

    private static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        EdgeInputModule.applyTo(builder);
        return builder.build();
    }

    private static Request read(String json) {
        return JSON.readValue(json, Request.class);
    }

    private static String ruleOf(String json) {
        try {
            read(json);
        } catch (EdgeInputModule.RefusedValueException refused) {
            return refused.rule();
        }
        throw new AssertionError("accepted: " + json);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\": \"a\\u0000b\"}                        | control-character",
                "{\"name\": \"a\\u0007b\"}                        | control-character",
                "{\"name\": \"a\\u009fb\"}                        | control-character",
                "{\"name\": \"a\\nb\"}                            | control-character",
                "{\"name\": \"a\\tb\"}                            | control-character",
                "{\"name\": \"a\\ud800b\"}                        | unpaired-surrogate",
                "{\"name\": \"a\\udc00\"}                         | unpaired-surrogate",
                "{\"name\": \"a\\uffff\"}                         | noncharacter",
                "{\"reason\": \"a\\u0000b\"}                      | control-character",
                "{\"tags\": [\"ok\", \"x\\u0000\"]}               | control-character",
                "{\"on\": \"+999999999-12-31\"}                   | format",
                "{\"on\": \"-999999999-01-01\"}                   | format",
                "{\"on\": \"2026-02-30\"}                         | format",
                "{\"on\": \"2026-01-01T00:00:00\"}                | format",
                "{\"on\": \"1899-12-31\"}                         | date-range",
                "{\"on\": \"2200-01-01\"}                         | date-range",
                "{\"on\": 20260101}                               | type",
                "{\"at\": \"+1000000000-12-31T23:59:59.999999999Z\"} | format",
                "{\"at\": \"2026-01-01T00:00:00\"}                | format",
                "{\"at\": \"2200-01-01T00:00:00Z\"}               | date-range",
                "{\"kind\": \"ALLOCATION \"}                      | format",
                "{\"kind\": \"allocation\"}                       | format",
                "{\"kind\": 0}                                    | type",
                "{\"name\": \"Invoice \\u202eFDP.exe\"}           | layout-character",
                "{\"name\": \"a\\u2028b\"}                      | layout-character",
                "{\"name\": \"\\ufeffname\"}                     | layout-character",
                "{\"kinds\": [\"ALLOCATION\", \"ALLOCATION\"]}     | duplicate-item"
            })
    void refusesWhatTheLedgerCouldNotKeepNamingTheRule(String json, String rule) {
        assertThat(ruleOf(json)).isEqualTo(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"days\": 1.5}", "{\"days\": 1e3}", "{\"days\": 1.0}", "{\"days\": \"5\"}"})
    void anIntegerIsAnIntegerNeverATruncatedFraction(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> read("{\"name\": \"a\", \"name\": \"b\"}"))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("Duplicate Object property");
    }

    @Test
    void multiLineFieldsTakeTabsAndLineBreaksOthersDoNot() {
        assertThat(read("{\"reason\": \"first line\\r\\nsecond\\tline\"}").reason())
                .isEqualTo("first line\r\nsecond\tline");
        assertThat(
                        read("{\"reason\": \"\\u0645\\u0631\\u062d\\u0628\\u0627 \\u202b\\u0634\\u0643\\u0631\\u0627\\u202c\"}")
                                .reason())
                .contains("\u202b");
        assertThat(read("{\"kinds\": [\"ALLOCATION\", \"TRANSFER\"]}").kinds())
                .containsExactlyInAnyOrder(Kind.ALLOCATION, Kind.TRANSFER);
        assertThat(ruleOf("{\"name\": \"first\\r\\nsecond\"}")).isEqualTo("control-character");
    }

    @Test
    void keepsWhatItAcceptsNormalisedToNfc() {
        Request request = read("{\"name\": \"Cafe\\u0301 \\ud83d\\ude00\", \"on\": \"2026-12-01\", "
                + "\"at\": \"2026-07-01T10:15:30.5+02:00\", \"days\": 30, \"kind\": \"TRANSFER\"}");
        assertThat(request.name()).isEqualTo("Caf\u00e9 \ud83d\ude00");
        assertThat(request.on()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(request.at()).isEqualTo(Instant.parse("2026-07-01T08:15:30.5Z"));
        assertThat(request.days()).isEqualTo(30);
        assertThat(request.kind()).isEqualTo(Kind.TRANSFER);
    }

    /**
     * Random text over the whole UTF-16 range (seeded, so a failure repeats): whatever the edge accepts
     * holds no character PostgreSQL or a screen cannot keep, and is NFC; whatever it refuses names a rule.
     */
    @Test
    void everyAcceptedTextIsStorableAndEveryRefusalNamesARule() {
        Random random = new Random(20261206);
        int accepted = 0;
        for (int run = 0; run < 20_000; run++) {
            char[] chars = new char[random.nextInt(12)];
            for (int index = 0; index < chars.length; index++) {
                chars[index] = random.nextInt(4) == 0
                        ? (char) random.nextInt(0x100)
                        : random.nextInt(8) == 0
                                ? (char) (0xD800 + random.nextInt(0x800))
                                : (char) random.nextInt(0x10000);
            }
            String text = new String(chars);
            String kept;
            try {
                kept = EdgeInput.text(text, random.nextBoolean());
            } catch (EdgeInput.EdgeInputException refused) {
                assertThat(refused.rule())
                        .isIn("control-character", "unpaired-surrogate", "noncharacter", "layout-character");
                continue;
            }
            accepted++;
            assertThat(java.text.Normalizer.isNormalized(kept, java.text.Normalizer.Form.NFC))
                    .isTrue();
            assertThat(io.governanceledger.support.messaging.StorableText.escape(kept))
                    .isEqualTo(kept);
            assertThat(kept.indexOf('\u0000')).isNegative();
        }
        assertThat(accepted).isGreaterThan(1_000);
    }

    /** Printable text of any script (seeded, 5,000 texts) passes, changed only by normalisation. */
    @Test
    void printableTextOfAnyScriptIsKept() {
        Random random = new Random(61206);
        char[][] ranges = {{' ', '~'}, {'\u00a0', '\ud7ff'}, {'\ue000', '\ufdcf'}, {'\ufdf0', '\ufffd'}};
        for (int run = 0; run < 5_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int index = random.nextInt(60); index > 0; index--) {
                char[] range = ranges[random.nextInt(ranges.length)];
                char c = (char) (range[0] + random.nextInt(range[1] - range[0] + 1));
                text.append(EdgeInput.isLayoutControl(c) ? 'x' : c);
            }
            String printable = text.toString();
            assertThat(EdgeInput.text(printable, false))
                    .as(printable)
                    .isEqualTo(java.text.Normalizer.normalize(printable, java.text.Normalizer.Form.NFC));
        }
    }
}
