package io.governanceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The chain definition as published in {@link LedgerHash}'s documentation, recomputed here from that
 * text alone, so that a faster implementation cannot drift from what outside verifiers compute.
 */
class LedgerHashTest {

    private static final LedgerHash.Entry EVENT = new LedgerHash.Entry(
            42,
            Instant.parse("2026-03-10T09:15:30.123456789Z"),
            "0b5e3c1a-7f0e-4d3b-9a1c-2f6e8d4b5a70",
            "AIRPORT-2039",
            7,
            "Decision",
            "io.governanceledger.events.decisions.DecisionApprovedEvent",
            "1",
            "2026-03-10T09:15:30.123Z",
            "{\"actor\":\"pmo\",\"programId\":\"AIRPORT-2039\",\"reason\":\"Minutes SC-2026-03, item 4\"}"
                    .getBytes(StandardCharsets.UTF_8),
            "{\"title\":\"Déménagement vers le nuage\",\"amount\":\"12500.00\"}".getBytes(StandardCharsets.UTF_8));

    private static final LedgerHash.Entry NULLS =
            new LedgerHash.Entry(1, Instant.EPOCH, "e", "a", 0, null, "T", null, "t", null, new byte[0]);

    @Test
    void bodyLeafAndLinkAreTheDocumentedDigests() throws Exception {
        for (LedgerHash.Entry entry : List.of(EVENT, NULLS)) {
            byte[] body = sha256(documentedCanonical(entry));
            assertThat(LedgerHash.body(entry)).isEqualTo(body);
            assertThat(LedgerHash.canonical(entry)).isEqualTo(documentedCanonical(entry));
            String program = entry == EVENT ? "AIRPORT-2039" : null;
            assertThat(LedgerHash.program(entry)).isEqualTo(program);
            byte[] tag = sha256(field(program == null ? null : program.getBytes(StandardCharsets.UTF_8)));
            byte[] leaf = sha256(concat(tag, body));
            assertThat(LedgerHash.leaf(entry)).isEqualTo(leaf);
            byte[] previous = sha256("previous".getBytes(StandardCharsets.UTF_8));
            assertThat(LedgerHash.next(previous, entry)).isEqualTo(sha256(concat(previous, leaf)));
        }
    }

    /**
     * The program is read straight from the bytes when the metadata is plain; on every input the answer
     * is the JSON parser's, which sealed every existing ledger. Generated: the services' own shape, and
     * variants with escapes, nesting, numbers, non-ASCII and control characters, odd spacing, byte order
     * marks, other encodings, truncations and single damaged bytes.
     */
    @Test
    void theProgramReadFromPlainMetadataIsTheParsersOnEveryInput() throws Exception {
        Random random = new Random(20261121);
        int readPlain = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] json = metadata(random);
            LedgerHash.Entry entry =
                    new LedgerHash.Entry(1, Instant.EPOCH, "e", "a", 0, null, "T", null, "t", json, new byte[0]);
            assertThat(LedgerHash.program(entry))
                    .as(new String(json, StandardCharsets.ISO_8859_1))
                    .isEqualTo(parsed(json));
            if (LedgerHash.plainProgram(json) != LedgerHash.NOT_PLAIN) {
                readPlain++;
            }
        }
        assertThat(readPlain).as("inputs answered without the parser").isGreaterThan(5_000);
        byte[] services =
                "{\"actor\":\"pmo\",\"reason\":\"Framework contract FC-2024-01 signed\",\"programId\":\"AIRPORT-2039\"}"
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(LedgerHash.plainProgram(services)).isEqualTo("AIRPORT-2039");
    }

    /**
     * Whatever byte ends or spoils a string (a quote, a backslash, a control character, DEL, a byte of
     * a non-ASCII character), wherever it falls in the string, in a name before the program or in the
     * program itself, the answer is the parser's.
     */
    @Test
    void aStringEndedOrSpoiledAtAnyByteIsReadAsTheParserReadsIt() throws Exception {
        byte[] stops = {'"', '\\', 0, 0x09, 0x1f, 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff, ' ', '~', 'a'};
        int readPlain = 0;
        for (int length = 0; length <= 24; length++) {
            for (int at = 0; at < length; at++) {
                for (byte stop : stops) {
                    byte[] text =
                            "abcdefghijklmnopqrstuvwxyz".substring(0, length).getBytes(StandardCharsets.US_ASCII);
                    text[at] = stop;
                    for (String shape : new String[] {
                        "{\"actor%s\":\"pmo\",\"programId\":\"P\"}",
                        "{\"actor\":\"%s\",\"programId\":\"P\"}",
                        "{\"programId\":\"P-%s\"}"
                    }) {
                        String[] parts = shape.split("%s");
                        byte[] json = concat(
                                concat(parts[0].getBytes(StandardCharsets.US_ASCII), text),
                                parts[1].getBytes(StandardCharsets.US_ASCII));
                        LedgerHash.Entry entry = new LedgerHash.Entry(
                                1, Instant.EPOCH, "e", "a", 0, null, "T", null, "t", json, new byte[0]);
                        assertThat(LedgerHash.program(entry))
                                .as(new String(json, StandardCharsets.ISO_8859_1))
                                .isEqualTo(parsed(json));
                        if (LedgerHash.plainProgram(json) != LedgerHash.NOT_PLAIN) {
                            readPlain++;
                        }
                    }
                }
            }
        }
        assertThat(readPlain).as("inputs answered without the parser").isGreaterThan(1_000);
    }

    private static final String[] NAMES = {
        "\"programId\"",
        "\"programId\"",
        "\"actor\"",
        "\"reason\"",
        "\"program\\u0049d\"",
        "\"programID\"",
        "\"\"",
        "\"programId \"",
        "\"correlationId\"",
        "programId",
        "'programId'"
    };
    private static final String[] VALUES = {
        "\"AIRPORT-2039\"",
        "\"AIRPORT-2039\"",
        "\"P-\\\"quoted\\\"\"",
        "\"Déménagement\"",
        "\"tab\there\"",
        "12",
        "-3.5e2",
        "true",
        "null",
        "{\"programId\":\"NESTED\"}",
        "[\"programId\",\"X\"]",
        "\"\"",
        "\"PROG\u007f\"",
        "\"a\\u0041b\"",
        "\"bad \\q escape\"",
        "\"x",
        "'single'"
    };
    private static final String[] SPACES = {"", "", " ", "\n\t ", "\r\n", "\f"};
    private static final byte[] DAMAGE = {'"', '{', '}', '[', ']', ',', ':', '\\', ' ', 0, (byte) 0xc3, (byte) 0xff, 'x'
    };

    private static byte[] metadata(Random random) {
        StringBuilder json = new StringBuilder(pick(random, SPACES)).append('{');
        int fields = random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                json.append(pick(random, SPACES)).append(',');
            }
            json.append(pick(random, SPACES))
                    .append(pick(random, NAMES))
                    .append(pick(random, SPACES))
                    .append(':')
                    .append(pick(random, SPACES))
                    .append(pick(random, VALUES));
        }
        json.append(pick(random, SPACES)).append('}').append(pick(random, SPACES));
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(10)) {
            case 0:
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1:
                bytes[random.nextInt(bytes.length)] = DAMAGE[random.nextInt(DAMAGE.length)];
                return bytes;
            case 2:
                return concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, bytes);
            case 3:
                return json.toString()
                        .getBytes(random.nextBoolean() ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            default:
                return bytes;
        }
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** The published definition, with a JSON parser: the first top-level programId's text when it is a string. */
    private static String parsed(byte[] json) {
        try (com.fasterxml.jackson.core.JsonParser parser =
                new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                if (name.equals("programId")) {
                    return value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Pinned, so that a change to the definition itself (which would orphan every bundle and checkpoint) fails too. */
    @Test
    void theChainOverAKnownEventIsPinned() {
        assertThat(HexFormat.of().formatHex(LedgerHash.next(LedgerHash.GENESIS, EVENT)))
                .isEqualTo(PINNED);
    }

    /** Digests are reused per thread; threads hashing at once must not see each other's bytes. */
    @Test
    void threadsHashingAtOnceGetTheSameDigests() throws Exception {
        byte[] expected = LedgerHash.next(LedgerHash.GENESIS, EVENT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        if (!MessageDigest.isEqual(expected, LedgerHash.next(LedgerHash.GENESIS, EVENT))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final String PINNED = "d9b4e5a98fb732979cb805c5f56d151006be6cccfbac306806bd72a918ca74c3";

    /** The canonical bytes, written from the definition in LedgerHash's documentation. */
    private static byte[] documentedCanonical(LedgerHash.Entry entry) {
        Instant at = entry.recordedAt();
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return concat(
                longBytes(entry.position()),
                longBytes(micros),
                text(entry.eventIdentifier()),
                text(entry.aggregateIdentifier()),
                longBytes(entry.sequenceNumber()),
                text(entry.type()),
                text(entry.payloadType()),
                text(entry.payloadRevision()),
                text(entry.timeStamp()),
                field(entry.metaData()),
                field(entry.payload()));
    }

    private static byte[] text(String value) {
        return field(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] field(byte[] value) {
        if (value == null) {
            return ByteBuffer.allocate(4).putInt(-1).array();
        }
        return ByteBuffer.allocate(4 + value.length)
                .putInt(value.length)
                .put(value)
                .array();
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
