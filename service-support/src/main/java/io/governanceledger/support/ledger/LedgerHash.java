package io.governanceledger.support.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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

    private LedgerHash() {
    }

    /** One sealed event's stored values, as hashed. */
    public record Entry(long position,
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

        /** The same stored event as if sealed at another position and time. */
        public Entry at(long otherPosition, Instant otherRecordedAt) {
            return new Entry(otherPosition, otherRecordedAt, eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                             payloadType, payloadRevision, timeStamp, metaData, payload);
        }
    }

    public static byte[] next(byte[] previous, Entry entry) {
        return link(previous, leaf(entry));
    }

    /** The digest that enters the chain for one event: its program's tag, then its body digest. */
    public static byte[] leaf(Entry entry) {
        return leaf(programTag(program(entry)), body(entry));
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + (program == null ? 0 : program.length() * 3));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, program);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256().digest(bytes.toByteArray());
    }

    /** The digest of one event's canonical bytes. */
    public static byte[] body(Entry entry) {
        // the canonical bytes go straight into the digest, as canonical() would write them: walking a
        // ledger of a million events, the copies of each event's bytes were a third of the time
        long recordedAt = micros(entry.recordedAt());  // may throw: before anything enters the digest
        Hashing hashing = HASHING.get();
        hashing.longValue(entry.position());
        hashing.longValue(recordedAt);
        hashing.field(entry.eventIdentifier());
        hashing.field(entry.aggregateIdentifier());
        hashing.longValue(entry.sequenceNumber());
        hashing.field(entry.type());
        hashing.field(entry.payloadType());
        hashing.field(entry.payloadRevision());
        hashing.field(entry.timeStamp());
        hashing.field(entry.metaData());
        hashing.field(entry.payload());
        return hashing.sha256.digest();
    }

    /** The program an event belongs to: the top-level {@code programId} of its metadata, or null. */
    public static String program(Entry entry) {
        if (entry.metaData() == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(entry.metaData())) {
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + length(entry.payload()) + length(entry.metaData()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(entry.position());
            out.writeLong(micros(entry.recordedAt()));
            field(out, entry.eventIdentifier());
            field(out, entry.aggregateIdentifier());
            out.writeLong(entry.sequenceNumber());
            field(out, entry.type());
            field(out, entry.payloadType());
            field(out, entry.payloadRevision());
            field(out, entry.timeStamp());
            field(out, entry.metaData());
            field(out, entry.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Recorded times are kept to the microsecond, PostgreSQL's precision. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private static void field(DataOutputStream out, String text) throws IOException {
        field(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    /**
     * A thread's SHA-256 digest, reused from one hash to the next (looking one up costs more than
     * hashing a small event), and the bytes of one integer on their way into it. Every use starts and
     * completes a digest before the next begins, so nothing carries over.
     */
    private static final class Hashing {
        final MessageDigest sha256 = sha256();
        private final byte[] number = new byte[8];

        void longValue(long value) {
            for (int i = 7; i >= 0; i--) {
                number[i] = (byte) value;
                value >>>= 8;
            }
            sha256.update(number, 0, 8);
        }

        void field(String text) {
            field(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }

        void field(byte[] value) {
            int length = value == null ? -1 : value.length;
            number[0] = (byte) (length >>> 24);
            number[1] = (byte) (length >>> 16);
            number[2] = (byte) (length >>> 8);
            number[3] = (byte) length;
            sha256.update(number, 0, 4);
            if (value != null) {
                sha256.update(value);
            }
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
