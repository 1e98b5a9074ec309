package io.governanceledger.support.ledger;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain definition as published in {@link LedgerHash}'s documentation, recomputed here from that
 * text alone, so that a faster implementation cannot drift from what outside verifiers compute.
 */
class LedgerHashTest {

    private static final LedgerHash.Entry EVENT = new LedgerHash.Entry(
            42, Instant.parse("2026-03-10T09:15:30.123456789Z"), "0b5e3c1a-7f0e-4d3b-9a1c-2f6e8d4b5a70", "AIRPORT-2039", 7,
            "Decision", "io.governanceledger.events.decisions.DecisionApprovedEvent", "1", "2026-03-10T09:15:30.123Z",
            "{\"actor\":\"pmo\",\"programId\":\"AIRPORT-2039\",\"reason\":\"Minutes SC-2026-03, item 4\"}"
                    .getBytes(StandardCharsets.UTF_8),
            "{\"title\":\"Déménagement vers le nuage\",\"amount\":\"12500.00\"}".getBytes(StandardCharsets.UTF_8));

    private static final LedgerHash.Entry NULLS = new LedgerHash.Entry(1, Instant.EPOCH, "e", "a", 0, null, "T", null,
                                                                         "t", null, new byte[0]);

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
        return concat(longBytes(entry.position()), longBytes(micros), text(entry.eventIdentifier()),
                      text(entry.aggregateIdentifier()), longBytes(entry.sequenceNumber()), text(entry.type()),
                      text(entry.payloadType()), text(entry.payloadRevision()), text(entry.timeStamp()),
                      field(entry.metaData()), field(entry.payload()));
    }

    private static byte[] text(String value) {
        return field(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] field(byte[] value) {
        if (value == null) {
            return ByteBuffer.allocate(4).putInt(-1).array();
        }
        return ByteBuffer.allocate(4 + value.length).putInt(value.length).put(value).array();
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
