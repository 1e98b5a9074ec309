package io.governanceledger.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The hash chain over the ledger order. Each position's hash is SHA-256 over the previous hash and
 * the event's canonical bytes; anyone can recompute it from the stored rows (or an export) with this
 * definition:
 *
 * <pre>
 * canonical = int64 position, int64 recorded_at (microseconds since 1970-01-01T00:00Z),
 *             field event_identifier, field aggregate_identifier, int64 sequence_number, field type,
 *             field payload_type, field payload_revision, field time_stamp, field meta_data, field payload
 * field     = int32 length then the bytes (text as UTF-8), or int32 -1 for null
 * body(p)   = SHA-256(canonical(p))
 * program(p)= the text of the top-level "programId" of the metadata JSON, or null
 * tag(p)    = SHA-256(field program(p))
 * leaf(p)   = SHA-256(tag(p) || body(p))
 * hash(p)   = SHA-256(hash(p - 1) || leaf(p)), hash(0) = 32 zero bytes
 * </pre>
 * All integers big-endian. Chaining leaf digests rather than the bytes lets an export leave out
 * other programs' events (giving only their program tag and body digest) and still be checked link
 * by link; because the leaf commits to the program's tag, an export cannot pass one of the exported
 * program's own events off as another program's without breaking the signed chain, and it does not
 * name the other programs.
 */
public final class LedgerHash {

    public static final byte[] GENESIS = new byte[32];
    private static final String PROGRAM_ID = "programId";
    private static final JsonFactory JSON = new JsonFactory();
    private static final int REMEMBERED_TAGS = 10_000;
    /** Stands for "no program" among the remembered tags (a program id is never a NUL character). */
    private static final String NO_PROGRAM = "\u0000";

    private static final java.util.Map<String, byte[]> TAGS = new java.util.concurrent.ConcurrentHashMap<>();

    private LedgerHash() {}

    /** One sealed event's stored values, as hashed. */
    public record Entry(
            long position,
            Instant recordedAt,
            String eventIdentifier,
            String aggregateIdentifier,
            long sequenceNumber,
            String type,
            String payloadType,
            String payloadRevision,
            String timeStamp,
            byte[] metaData,
            byte[] payload) {

        Stored stored() {
            return new Stored(
                    utf8(eventIdentifier),
                    utf8(aggregateIdentifier),
                    sequenceNumber,
                    utf8(type),
                    utf8(payloadType),
                    utf8(payloadRevision),
                    utf8(timeStamp),
                    metaData,
                    payload);
        }
    }

    /**
     * One stored event's columns as bytes, text as UTF-8 (as PostgreSQL sends it to every client of
     * this driver) and null where the column is null: what {@link Entry} holds, before any text is
     * decoded: walking a whole ledger, the verifier would otherwise decode each row's text only to
     * encode it again for the digest.
     */
    record Stored(
            byte[] eventIdentifier,
            byte[] aggregateIdentifier,
            long sequenceNumber,
            byte[] type,
            byte[] payloadType,
            byte[] payloadRevision,
            byte[] timeStamp,
            byte[] metaData,
            byte[] payload) {

        /** This event sealed at {@code position} at {@code recordedAt}, its text decoded. */
        Entry at(long position, Instant recordedAt) {
            return new Entry(
                    position,
                    recordedAt,
                    text(eventIdentifier),
                    text(aggregateIdentifier),
                    sequenceNumber,
                    text(type),
                    text(payloadType),
                    text(payloadRevision),
                    text(timeStamp),
                    metaData,
                    payload);
        }

        private static String text(byte[] utf8) {
            return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] next(byte[] previous, Entry entry) {
        return link(previous, leaf(entry));
    }

    /** The chain hash after {@code previous} for the stored event sealed at {@code position} at {@code recordedAt}. */
    static byte[] next(byte[] previous, long position, Instant recordedAt, Stored stored) {
        return link(previous, leaf(position, recordedAt, stored));
    }

    /** The digest that enters the chain for one event: its program's tag, then its body digest. */
    public static byte[] leaf(Entry entry) {
        return leaf(entry.position(), entry.recordedAt(), entry.stored());
    }

    /** The leaf of the stored event sealed at {@code position} at {@code recordedAt}. */
    static byte[] leaf(long position, Instant recordedAt, Stored stored) {
        return leaf(programTag(program(stored.metaData())), body(position, recordedAt, stored));
    }

    /** The leaf of an event known only by its program tag and body digest (an export's other programs' events). */
    public static byte[] leaf(byte[] programTag, byte[] body) {
        return pair(programTag, body);
    }

    /**
     * The digest that stands for a program (or for no program, given null) in the leaves of its events.
     * A ledger holds few programs and every reader of the chain asks for their tags event after event,
     * so tags are remembered (up to {@value #REMEMBERED_TAGS} programs); the array returned is shared:
     * read it, never change it.
     */
    public static byte[] programTag(String program) {
        String key = program == null ? NO_PROGRAM : program;
        byte[] tag = TAGS.get(key);
        if (tag == null) {
            tag = computeTag(program);
            if (TAGS.size() >= REMEMBERED_TAGS) {
                TAGS.clear();
            }
            TAGS.put(key, tag);
        }
        return tag;
    }

    private static byte[] computeTag(String program) {
        Bytes bytes = new Bytes(16 + (program == null ? 0 : program.length() * 3));
        bytes.field(program);
        return sha256().digest(bytes.toByteArray());
    }

    /** The digest of one event's canonical bytes. */
    public static byte[] body(Entry entry) {
        return body(entry.position(), entry.recordedAt(), entry.stored());
    }

    /** The body digest of the stored event sealed at {@code position} at {@code recordedAt}. */
    static byte[] body(long position, Instant recordedAt, Stored stored) {
        // the canonical bytes go straight into the digest: walking a ledger of a million events, the
        // copies of each event's bytes were a third of the time
        Hashing hashing = HASHING.get();
        write(position, recordedAt, stored, hashing);
        return hashing.sha256.digest();
    }

    /** The program an event belongs to: the top-level {@code programId} of its metadata, or null. */
    public static String program(Entry entry) {
        return program(entry.metaData());
    }

    /** The program of a stored event, as {@link #program(Entry)}. */
    static String program(Stored stored) {
        return program(stored.metaData());
    }

    private static String program(byte[] metaData) {
        if (metaData == null) {
            return null;
        }
        String plain = plainProgram(metaData);
        return plain != NOT_PLAIN ? plain : parsedProgram(metaData);
    }

    /** What {@link #plainProgram} answers for metadata it leaves to the JSON parser (compared by identity). */
    static final String NOT_PLAIN = new String("not plain metadata");

    private static final byte[] PROGRAM_ID_BYTES = PROGRAM_ID.getBytes(StandardCharsets.US_ASCII);
    /** Longer metadata goes to the parser, whose limits on names and strings then apply as always. */
    private static final int PLAIN_MAX_LENGTH = 8_192;

    /**
     * The metadata's program as the parser would find it, read straight from the bytes when they are
     * what the services write: one flat JSON object of string values in ASCII, without escapes. Any
     * other byte (a nested value, a number, an escape, a non-ASCII or control character, a byte order
     * mark, a malformed separator) answers {@link #NOT_PLAIN}, and the parser decides. Verifying a
     * ledger reads every event's program, and the parser is the costly part of that.
     */
    static String plainProgram(byte[] json) {
        int length = json.length;
        if (length > PLAIN_MAX_LENGTH) {
            return NOT_PLAIN;
        }
        int at = skipSpace(json, 0);
        if (at >= length || json[at] != '{') {
            return NOT_PLAIN;
        }
        at = skipSpace(json, at + 1);
        if (at < length && json[at] == '}') {
            return null;
        }
        while (true) {
            int name = at + 1;
            int nameEnd = plainStringEnd(json, at);
            if (nameEnd < 0) {
                return NOT_PLAIN;
            }
            boolean wanted = Arrays.equals(json, name, nameEnd, PROGRAM_ID_BYTES, 0, PROGRAM_ID_BYTES.length);
            at = skipSpace(json, nameEnd + 1);
            if (at >= length || json[at] != ':') {
                return NOT_PLAIN;
            }
            at = skipSpace(json, at + 1);
            int value = at + 1;
            int valueEnd = plainStringEnd(json, at);
            if (valueEnd < 0) {
                return NOT_PLAIN;
            }
            if (wanted) {
                return new String(json, value, valueEnd - value, StandardCharsets.US_ASCII);
            }
            at = skipSpace(json, valueEnd + 1);
            if (at < length && json[at] == '}') {
                return null;
            }
            if (at >= length || json[at] != ',') {
                return NOT_PLAIN;
            }
            at = skipSpace(json, at + 1);
        }
    }

    /** Where the plain string starting with the quote at {@code at} ends (its closing quote), or -1. */
    private static int plainStringEnd(byte[] json, int at) {
        if (at >= json.length || json[at] != '"') {
            return -1;
        }
        for (int i = at + 1; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\' || b == 0x7f) { // non-ASCII bytes are negative
                return -1;
            }
        }
        return -1;
    }

    private static int skipSpace(byte[] json, int at) {
        while (at < json.length && (json[at] == ' ' || json[at] == '\n' || json[at] == '\r' || json[at] == '\t')) {
            at++;
        }
        return at;
    }

    private static String parsedProgram(byte[] metaData) {
        try (JsonParser parser = JSON.createParser(metaData)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (PROGRAM_ID.equals(name)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            // metadata that is not JSON names no program; its bytes are still hashed in the body
            return null;
        }
    }

    /** The chain hash after {@code previous}, given the next event's leaf digest. */
    public static byte[] link(byte[] previous, byte[] leaf) {
        return pair(previous, leaf);
    }

    private static byte[] pair(byte[] first, byte[] second) {
        MessageDigest sha256 = HASHING.get().sha256;
        sha256.update(first);
        sha256.update(second);
        return sha256.digest();
    }

    public static byte[] canonical(Entry entry) {
        Bytes bytes = new Bytes(256 + length(entry.payload()) + length(entry.metaData()));
        write(entry.position(), entry.recordedAt(), entry.stored(), bytes);
        return bytes.toByteArray();
    }

    /** The canonical bytes of the class documentation, written once for both the digest and the bytes. */
    private static void write(long position, Instant recordedAt, Stored stored, Canonical out) {
        long micros = micros(recordedAt); // may throw: before anything is written
        out.longValue(position);
        out.longValue(micros);
        out.field(stored.eventIdentifier());
        out.field(stored.aggregateIdentifier());
        out.longValue(stored.sequenceNumber());
        out.field(stored.type());
        out.field(stored.payloadType());
        out.field(stored.payloadRevision());
        out.field(stored.timeStamp());
        out.field(stored.metaData());
        out.field(stored.payload());
    }

    /** Recorded times are kept to the microsecond, PostgreSQL's precision. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    /** Where canonical bytes go: big-endian integers, and fields as a length (-1 for null) then the bytes. */
    private abstract static class Canonical {
        private final byte[] number = new byte[8];

        abstract void write(byte[] bytes, int offset, int length);

        final void longValue(long value) {
            for (int i = 7; i >= 0; i--) {
                number[i] = (byte) value;
                value >>>= 8;
            }
            write(number, 0, 8);
        }

        final void field(String text) {
            field(utf8(text));
        }

        final void field(byte[] value) {
            int length = value == null ? -1 : value.length;
            number[0] = (byte) (length >>> 24);
            number[1] = (byte) (length >>> 16);
            number[2] = (byte) (length >>> 8);
            number[3] = (byte) length;
            write(number, 0, 4);
            if (value != null) {
                write(value, 0, value.length);
            }
        }
    }

    /** Canonical bytes kept, as canonical() and the program tags need them. */
    private static final class Bytes extends Canonical {
        private final ByteArrayOutputStream bytes;

        Bytes(int expectedLength) {
            bytes = new ByteArrayOutputStream(expectedLength);
        }

        @Override
        void write(byte[] value, int offset, int length) {
            bytes.write(value, offset, length);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }

    /**
     * A thread's SHA-256 digest, reused from one hash to the next (looking one up costs more than
     * hashing a small event), fed canonical bytes as they are written. Every use starts and completes
     * a digest before the next begins, so nothing carries over.
     */
    private static final class Hashing extends Canonical {
        final MessageDigest sha256 = sha256();

        @Override
        void write(byte[] value, int offset, int length) {
            sha256.update(value, offset, length);
        }
    }

    private static final ThreadLocal<Hashing> HASHING = ThreadLocal.withInitial(Hashing::new);

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
