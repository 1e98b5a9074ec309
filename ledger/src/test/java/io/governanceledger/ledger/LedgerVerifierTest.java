package io.governanceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a privileged user could alter the stored history, done to the tables directly with the
 * triggers switched off, is found at the right position with the right reason; an untouched store
 * verifies. 30 events are sealed, with signed checkpoints at positions 10, 20 and 30.
 */
class LedgerVerifierTest {

    @RegisterExtension
    static final LedgerTestDatabase database = LedgerTestDatabase.emptiedBeforeEachTest();

    private static KeyPair keys;
    private BothWalks verifier;

    @TempDir
    java.nio.file.Path stateDirectory;

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @BeforeEach
    void thirtySealedEventsWithThreeCheckpoints() throws Exception {
        LedgerSealer sealer =
                new LedgerSealer(database.dataSource, LedgerTestDatabase.SCHEMA, 1000, Duration.ofSeconds(60), false);
        LedgerCheckpointer checkpointer = checkpointer();
        try (Connection connection = database.dataSource.getConnection()) {
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 10; i++) {
                    LedgerTestDatabase.append(connection, "agg-" + batch, i);
                }
                sealer.sealAvailable();
                assertThat(checkpointer.checkpointIfDue(true)).isPresent();
            }
        }
        verifier = new BothWalks();
    }

    @Test
    void anUntouchedStoreVerifiesUpToItsLastPosition() {
        VerificationReport report = verifier.verify(keys.getPublic());
        assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.verifiedUpTo()).isEqualTo(30);
        assertThat(report.signedUpTo()).isEqualTo(30);
        assertThat(report.checkpoints()).isEqualTo(3);
        assertThat(report.failedAt()).isNull();
    }

    /**
     * The verifier reads the order a range of positions at a time and the events of a range by their
     * span of global indexes, or one by one when an event sealed there was appended long before (a
     * transaction that committed late): both kinds of range verify, and a change in either is found.
     */
    @Test
    void rangesOfTheOrderVerifyAlsoWhereAnEventWasSealedLongAfterItWasAppended() throws Exception {
        LedgerSealer sealer =
                new LedgerSealer(database.dataSource, LedgerTestDatabase.SCHEMA, 1000, Duration.ofSeconds(60), false);
        try (Connection late = database.dataSource.getConnection();
                Connection bulk = database.dataSource.getConnection();
                java.sql.Statement statement = bulk.createStatement()) {
            late.setAutoCommit(false);
            long lateIndex = LedgerTestDatabase.append(late, "late", 0);
            statement.executeUpdate(
                    "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,"
                            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " SELECT 'bulk-' || n, 0, 'Test', gen_random_uuid()::text,"
                            + " convert_to('{\"programId\":\"bulk\"}', 'UTF8'), convert_to('{\"n\":' || n || '}', 'UTF8'),"
                            + " '1', 'TestEvent', now()::text FROM generate_series(1, 4500) n");
            assertThat(sealer.sealAvailable()).isEqualTo(4500);
            late.commit();
            assertThat(sealer.sealAvailable()).isEqualTo(1);
            assertThat(globalIndexAt(4531))
                    .as("sealed last, appended before the bulk")
                    .isEqualTo(lateIndex);
        }
        assertThat(checkpointer().checkpointIfDue(true)).isPresent();

        VerificationReport report = verifier.verify(keys.getPublic());
        assertThat(report.status()).as(report.detail()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.verifiedUpTo()).isEqualTo(4531);
        assertThat(report.eventsChecked()).isEqualTo(4531);

        // a space after the JSON: the same document to a reader, other bytes to the chain
        database.asOwner("UPDATE event_store.domain_event_entry SET payload = payload || '\\x20'::bytea"
                + " WHERE global_index = " + globalIndexAt(2001));
        assertFailure(verifier.verify(keys.getPublic()), 2001, "event-changed", 2000);
        database.asOwner(
                "UPDATE event_store.domain_event_entry SET payload = substring(payload FROM 1 FOR length(payload) - 1)"
                        + " WHERE global_index = " + globalIndexAt(2001),
                "UPDATE event_store.domain_event_entry SET payload = payload || '\\x20'::bytea"
                        + " WHERE global_index = " + globalIndexAt(4531));
        assertFailure(verifier.verify(keys.getPublic()), 4531, "event-changed", 4530);
    }

    /**
     * Text columns are hashed as the bytes the driver received, by the sealer, the signer and the
     * verifier alike, and the chain's definition says UTF-8: outside ASCII (accents, other scripts, a
     * character beyond 16 bits) the sealed chain verifies and signs, and a change there is still found.
     */
    @Test
    void textOutsideAsciiVerifiesAsTheSealerHashedIt() throws Exception {
        try (Connection connection = database.dataSource.getConnection()) {
            LedgerTestDatabase.append(connection, "Zürich-東京-\uD83D\uDE86", 0);
        }
        new LedgerSealer(database.dataSource, LedgerTestDatabase.SCHEMA, 1000, Duration.ofSeconds(60), false)
                .sealAvailable();
        assertThat(checkpointer().checkpointIfDue(true)).isPresent();

        VerificationReport report = verifier.verify(keys.getPublic());
        assertThat(report.status()).as(report.detail()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.verifiedUpTo()).isEqualTo(31);

        database.asOwner("UPDATE event_store.domain_event_entry SET aggregate_identifier = 'Zurich-東京-\uD83D\uDE86'"
                + " WHERE global_index = " + globalIndexAt(31));
        assertFailure(verifier.verify(keys.getPublic()), 31, "event-changed", 30);
    }

    @Test
    void aChangedPayloadIsFoundAtItsPosition() throws Exception {
        database.asOwner("UPDATE event_store.domain_event_entry SET payload = convert_to('{\"n\":999}', 'UTF8')"
                + " WHERE global_index = " + globalIndexAt(17));
        assertFailure(verifier.verify(keys.getPublic()), 17, "event-changed", 16);
    }

    @Test
    void changedMetadataIsFoundToo() throws Exception {
        database.asOwner(
                "UPDATE event_store.domain_event_entry SET meta_data = convert_to('{\"actor\":\"someone else\"}', 'UTF8')"
                        + " WHERE global_index = " + globalIndexAt(3));
        assertFailure(verifier.verify(keys.getPublic()), 3, "event-changed", 2);
    }

    @Test
    void aDeletedRowIsFound() throws Exception {
        long index = globalIndexAt(12);
        database.asOwner(
                "DELETE FROM event_store.ledger_entry WHERE position = 12",
                "DELETE FROM event_store.domain_event_entry WHERE global_index = " + index);
        assertFailure(verifier.verify(keys.getPublic()), 12, "row-deleted", 11);
    }

    /** A position moved far out is found missing where it left; the reader skips the empty stretch instead of walking it. */
    @Test
    void aPositionMovedFarOutIsFoundMissing() throws Exception {
        database.asOwner("UPDATE event_store.ledger_entry SET position = 1000000000000 WHERE position = 30");
        assertFailure(verifier.verify(keys.getPublic()), 30, "row-deleted", 29);
    }

    @Test
    void aDeletedEventWhoseLedgerEntryStaysIsFound() throws Exception {
        database.asOwner("DELETE FROM event_store.domain_event_entry WHERE global_index = " + globalIndexAt(25));
        assertFailure(verifier.verify(keys.getPublic()), 25, "row-deleted", 24);
    }

    @Test
    void theLastRowsDeletedWithTheirLedgerEntriesAreFoundByTheCheckpoint() throws Exception {
        database.asOwner(
                "DELETE FROM event_store.domain_event_entry WHERE global_index IN (SELECT global_index FROM"
                        + " event_store.ledger_entry WHERE position > 28)",
                "DELETE FROM event_store.ledger_entry WHERE position > 28");
        assertFailure(verifier.verify(keys.getPublic()), 29, "row-deleted", 28);
    }

    @Test
    void anEventRowInsertedAroundTheApplicationIsFound() throws Exception {
        database.asOwner("INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,"
                + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                + " VALUES ('forged', 0, 'Test', 'forged-1', convert_to('{}', 'UTF8'),"
                + " convert_to('{}', 'UTF8'), '1', 'TestEvent', '2026-01-01T00:00:00Z')");
        VerificationReport report = verifier.verify(keys.getPublic());
        assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
        assertThat(report.failure()).isEqualTo("row-inserted");
        assertThat(report.verifiedUpTo()).isEqualTo(30);
    }

    @Test
    void aRowInsertedIntoTheOrderIsFoundWhereItWasPut() throws Exception {
        // the new row takes position 8; the rows from 8 on move down one, with their hashes
        database.asOwner(
                "UPDATE event_store.ledger_entry SET position = -position WHERE position >= 8",
                "UPDATE event_store.ledger_entry SET position = 1 - position WHERE position < 0",
                "INSERT INTO event_store.domain_event_entry (global_index, aggregate_identifier, sequence_number,"
                        + " type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                        + " VALUES (100000, 'forged', 0, 'Test', 'forged-2', convert_to('{}', 'UTF8'),"
                        + " convert_to('{}', 'UTF8'), '1', 'TestEvent', '2026-01-01T00:00:00Z')",
                "INSERT INTO event_store.ledger_entry (position, global_index, recorded_at, hash)"
                        + " SELECT 8, 100000, recorded_at, hash FROM event_store.ledger_entry WHERE position = 7");
        assertFailure(verifier.verify(keys.getPublic()), 8, "row-inserted", 7);
    }

    /** With the order's unique index dropped, position 6 pointed at the event sealed at 5. */
    @Test
    void anEventSealedAtTwoPositionsIsFoundAtTheSecond() throws Exception {
        try {
            database.asOwner(
                    "ALTER TABLE event_store.ledger_entry DROP CONSTRAINT ledger_entry_global_index_key",
                    "UPDATE event_store.ledger_entry SET global_index = " + globalIndexAt(5) + " WHERE position = 6");
            assertFailure(verifier.verify(keys.getPublic()), 6, "event-changed", 5);
        } finally {
            database.reset();
            database.asOwner(
                    "ALTER TABLE event_store.ledger_entry ADD CONSTRAINT ledger_entry_global_index_key UNIQUE (global_index)");
        }
    }

    /**
     * With the order's key dropped, a forged event gets a second row at position 1000, the last of the
     * verifier's first window of positions: both rows at 1000 are read, and the walk stops there. The
     * rows of one position are walked in global index order, whatever order the table has them in:
     * the forged row, added last but with the lower index (-1), is walked first, so 1000 is not verified.
     */
    @Test
    void aSecondRowAtAWindowsLastPositionIsFound() throws Exception {
        try (Connection connection = database.dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,"
                            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " SELECT 'bulk-' || n, 0, 'Test', gen_random_uuid()::text, convert_to('{}', 'UTF8'),"
                            + " convert_to('{\"n\":' || n || '}', 'UTF8'), '1', 'TestEvent', now()::text"
                            + " FROM generate_series(1, 1000) n");
        }
        new LedgerSealer(database.dataSource, LedgerTestDatabase.SCHEMA, 1000, Duration.ofSeconds(60), false)
                .sealAvailable();
        assertThat(checkpointer().checkpointIfDue(true)).isPresent();
        assertThat(verifier.verify(keys.getPublic()).status()).isEqualTo(VerificationReport.Status.VERIFIED);
        try {
            database.asOwner(
                    "ALTER TABLE event_store.ledger_entry DROP CONSTRAINT ledger_entry_pkey",
                    "INSERT INTO event_store.domain_event_entry (global_index, aggregate_identifier, sequence_number,"
                            + " type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " VALUES (-1, 'forged', 0, 'Test', 'forged-1000', convert_to('{}', 'UTF8'),"
                            + " convert_to('{}', 'UTF8'), '1', 'TestEvent', '2026-01-01T00:00:00Z')",
                    "INSERT INTO event_store.ledger_entry (position, global_index, recorded_at, hash)"
                            + " SELECT 1000, -1, recorded_at, hash FROM event_store.ledger_entry WHERE position = 1000");
            VerificationReport report = verifier.verify(keys.getPublic());
            assertFailure(report, 1001, "row-deleted", 999);
            assertThat(report.detail())
                    .isEqualTo("position 1001 is missing from the ledger order (the next one present is 1000)");
        } finally {
            database.reset();
            database.asOwner(
                    "ALTER TABLE event_store.ledger_entry ADD CONSTRAINT ledger_entry_pkey PRIMARY KEY (position)");
        }
    }

    /** With the event table's key dropped, a second event row under the global index sealed at 17 is found there. */
    @Test
    void aSecondEventRowUnderASealedIndexIsFound() throws Exception {
        try {
            database.asOwner(
                    "ALTER TABLE event_store.domain_event_entry DROP CONSTRAINT domain_event_entry_pkey",
                    "INSERT INTO event_store.domain_event_entry (global_index, aggregate_identifier, sequence_number,"
                            + " type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " SELECT global_index, 'forged', 0, type, 'forged-17', meta_data, convert_to('{\"n\":-17}', 'UTF8'),"
                            + " payload_revision, payload_type, time_stamp FROM event_store.domain_event_entry"
                            + " WHERE global_index = " + globalIndexAt(17));
            VerificationReport report = verifier.verify(keys.getPublic());
            assertThat(report.status()).as(report.detail()).isEqualTo(VerificationReport.Status.FAILED);
            // which of the two rows is read first is the table's affair: either way nothing after 17 is vouched for
            assertThat(report.verifiedUpTo()).as(report.detail()).isBetween(16L, 17L);
        } finally {
            database.reset();
            database.asOwner(
                    "ALTER TABLE event_store.domain_event_entry ADD CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index)");
        }
    }

    /**
     * A recorded time that cannot be hashed ('infinity', set by hand) stops that verification; it must
     * leave nothing behind in the thread's digest for the next one, which verifies again once repaired.
     */
    @Test
    void aRecordedTimeThatCannotBeHashedLeavesTheNextVerificationIntact() throws Exception {
        String original = recordedAt(5);
        database.asOwner("UPDATE event_store.ledger_entry SET recorded_at = 'infinity' WHERE position = 5");
        try {
            VerificationReport broken = verifier.verify(keys.getPublic());
            assertThat(broken.status()).isEqualTo(VerificationReport.Status.FAILED);
        } catch (RuntimeException e) {
            // the time does not fit the hashed form: the verification stops with the cause
            assertThat(e)
                    .satisfiesAnyOf(
                            thrown -> assertThat(thrown).isInstanceOf(ArithmeticException.class),
                            thrown -> assertThat(thrown).hasRootCauseInstanceOf(ArithmeticException.class));
        }
        database.asOwner("UPDATE event_store.ledger_entry SET recorded_at = '" + original + "' WHERE position = 5");
        VerificationReport repaired = verifier.verify(keys.getPublic());
        assertThat(repaired.status()).as(repaired.detail()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(repaired.verifiedUpTo()).isEqualTo(30);
    }

    /**
     * Readers compute the leaves ahead of the walk; a position whose time cannot be hashed stops the walk
     * only when it gets there, so a finding before it in the same window is still what is reported.
     */
    @Test
    void aFindingBeforeAnUnhashableTimeInTheSameWindowIsStillReported() throws Exception {
        long index = globalIndexAt(3);
        database.asOwner(
                "DELETE FROM event_store.ledger_entry WHERE position = 3",
                "DELETE FROM event_store.domain_event_entry WHERE global_index = " + index,
                "UPDATE event_store.ledger_entry SET recorded_at = 'infinity' WHERE position = 5");
        assertFailure(verifier.verify(keys.getPublic()), 3, "row-deleted", 2);
    }

    private static String recordedAt(long position) throws SQLException {
        try (Connection connection = database.dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery(
                        "SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                                + " FROM event_store.ledger_entry WHERE position = " + position)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void swappedRowsAreFound() throws Exception {
        long at5 = globalIndexAt(5);
        long at9 = globalIndexAt(9);
        database.asOwner(
                "UPDATE event_store.ledger_entry SET global_index = -1 WHERE position = 5",
                "UPDATE event_store.ledger_entry SET global_index = " + at5 + " WHERE position = 9",
                "UPDATE event_store.ledger_entry SET global_index = " + at9 + " WHERE position = 5");
        assertFailure(verifier.verify(keys.getPublic()), 5, "rows-swapped", 4);
    }

    @Test
    void aChainRecomputedWithoutTheSigningKeyIsFoundAtTheNextCheckpoint() throws Exception {
        database.asOwner("UPDATE event_store.domain_event_entry SET payload = convert_to('{\"n\":-1}', 'UTF8')"
                + " WHERE global_index = " + globalIndexAt(14));
        recomputeChainFrom(14);
        VerificationReport withoutKey = verifier.verify(null);
        assertThat(withoutKey.status())
                .as("the links agree: only the signatures can tell")
                .isEqualTo(VerificationReport.Status.UNAUTHENTICATED);
        VerificationReport report = verifier.verify(keys.getPublic());
        assertFailure(report, 20, "chain-rewritten", 10);
        assertThat(report.detail()).contains("after position 10 and up to 20");
    }

    @Test
    void checkpointsDeletedToHideARecomputedChainAreFound() throws Exception {
        database.asOwner(
                "UPDATE event_store.domain_event_entry SET payload = convert_to('{\"n\":-1}', 'UTF8')"
                        + " WHERE global_index = " + globalIndexAt(14),
                "DELETE FROM event_store.ledger_checkpoint WHERE position > 10");
        recomputeChainFrom(14);
        assertThat(verifier.verify(keys.getPublic()).status())
                .as("within the interval checkpoints may still come")
                .isEqualTo(VerificationReport.Status.VERIFIED);
        VerificationReport report = verifier.verify(keys.getPublic(), Duration.ZERO);
        assertFailure(report, 11, "checkpoint-missing", 10);
    }

    @Test
    void aForgedCheckpointIsFound() throws Exception {
        database.asOwner("UPDATE event_store.ledger_checkpoint SET signature = decode(repeat('00', 64), 'hex')"
                + " WHERE position = 20");
        assertFailure(verifier.verify(keys.getPublic()), 20, "checkpoint-forged", 0);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(new LedgerVerifier(database.dataSource, LedgerTestDatabase.SCHEMA)
                        .verify(other.getPublic())
                        .failure())
                .as("a key other than the published one")
                .isEqualTo("checkpoint-forged");
    }

    /** Signatures are checked beside the walk; a forged one is still the finding when the walk cannot finish. */
    @Test
    void aForgedCheckpointIsFoundAlsoWhenTheWalkStopsOnAnUnhashableRow() throws Exception {
        database.asOwner(
                "UPDATE event_store.ledger_checkpoint SET signature = decode(repeat('00', 64), 'hex')"
                        + " WHERE position = 20",
                "UPDATE event_store.ledger_entry SET recorded_at = 'infinity' WHERE position = 5");
        assertFailure(verifier.verify(keys.getPublic()), 20, "checkpoint-forged", 0);
    }

    @Test
    void aCheckpointRemovedFromTheMiddleIsFound() throws Exception {
        database.asOwner("DELETE FROM event_store.ledger_checkpoint WHERE position = 20");
        assertFailure(verifier.verify(keys.getPublic()), 11, "checkpoint-missing", 10);
    }

    @Test
    void theSignerRefusesToSignOverARewrittenHistoryEvenAfterARestart() throws Exception {
        database.asOwner(
                "DELETE FROM event_store.ledger_checkpoint WHERE position = 30",
                "UPDATE event_store.domain_event_entry SET payload = convert_to('{\"n\":-1}', 'UTF8')"
                        + " WHERE global_index = " + globalIndexAt(25));
        recomputeChainFrom(25);
        try (Connection connection = database.dataSource.getConnection()) {
            LedgerTestDatabase.append(connection, "later", 0);
        }
        new LedgerSealer(database.dataSource, LedgerTestDatabase.SCHEMA, 1000, Duration.ofSeconds(60), false)
                .sealAvailable();
        assertThat(checkpointer().checkpointIfDue(true))
                .as("a new signer remembers checkpoint 30 outside the database")
                .isEmpty();
        assertThat(database.count("SELECT count(*) FROM event_store.ledger_checkpoint"))
                .isEqualTo(2);
        assertFailure(verifier.verify(keys.getPublic(), Duration.ZERO), 21, "checkpoint-missing", 20);
    }

    @Test
    void aLostSigningKeyIsNotSilentlyReplacedOnceCheckpointsExist(@TempDir java.nio.file.Path keysDirectory)
            throws Exception {
        java.nio.file.Path privateKey = keysDirectory.resolve("checkpoint-signing.key");
        java.nio.file.Path publicKey = keysDirectory.resolve("checkpoint-signing.pub");
        assertThatThrownBy(() -> LedgerCheckpointer.signingKeys(
                        database.dataSource, LedgerTestDatabase.SCHEMA, privateKey, publicKey))
                .hasMessageContaining("holds 3 checkpoints signed with key " + SigningKeys.keyId(keys.getPublic()))
                .hasMessageContaining("restore it");
        assertThat(java.nio.file.Files.exists(privateKey)).as("no new key made").isFalse();

        database.reset();
        assertThat(LedgerCheckpointer.signingKeys(
                        database.dataSource, LedgerTestDatabase.SCHEMA, privateKey, publicKey))
                .as("a ledger without checkpoints gets its first key")
                .isNotNull();
        assertThat(java.nio.file.Files.exists(privateKey)).isTrue();
    }

    private LedgerCheckpointer checkpointer() {
        return new LedgerCheckpointer(
                database.dataSource, LedgerTestDatabase.SCHEMA, keys, 1_000_000, Duration.ofDays(1), stateDirectory);
    }

    private static void assertFailure(VerificationReport report, long position, String failure, long verifiedUpTo) {
        assertThat(report.status()).as(report.detail()).isEqualTo(VerificationReport.Status.FAILED);
        assertThat(report.failure()).as(report.detail()).isEqualTo(failure);
        assertThat(report.failedAt()).as(report.detail()).isEqualTo(position);
        assertThat(report.verifiedUpTo()).as(report.detail()).isEqualTo(verifiedUpTo);
    }

    private static long globalIndexAt(long position) throws SQLException {
        return database.count("SELECT global_index FROM event_store.ledger_entry WHERE position = " + position);
    }

    /** What someone without the signing key can do after editing an event: recompute every later hash. */
    private static void recomputeChainFrom(long position) throws SQLException {
        List<String> updates = new ArrayList<>();
        try (Connection connection = database.dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SealedEvents.select("event_store", "TRUE"));
                ResultSet row = statement.executeQuery()) {
            byte[] hash = LedgerHash.GENESIS;
            while (row.next()) {
                long at = row.getLong("position");
                hash = at < position
                        ? row.getBytes("hash")
                        : LedgerHash.next(
                                hash,
                                at,
                                SealedEvents.recordedAt(row),
                                SealedEvents.stored(row, SealedEvents.SELECTED_STORED));
                if (at >= position) {
                    updates.add("UPDATE event_store.ledger_entry SET hash = decode('"
                            + HexFormat.of().formatHex(hash) + "', 'hex') WHERE position = " + at);
                }
            }
            // and the head the sealer continues from, as a thorough forger would
            updates.add("UPDATE event_store.ledger_head SET hash = decode('"
                    + HexFormat.of().formatHex(hash) + "', 'hex')");
        }
        database.asOwner(updates.toArray(String[]::new));
    }

    /**
     * Every verification in this class runs twice: as configured (windows of 1,000 positions, two
     * readers) and in windows of 4 positions on 3 readers, so that each finding is also made across many
     * windows read out of order; both must report the same.
     */
    private static final class BothWalks {
        private final LedgerVerifier configured = new LedgerVerifier(database.dataSource, LedgerTestDatabase.SCHEMA);
        private final LedgerVerifier smallWindows =
                new LedgerVerifier(database.dataSource, LedgerTestDatabase.SCHEMA, LedgerVerifier.MAX_UNSIGNED, 4, 3);

        VerificationReport verify(java.security.PublicKey publicKey) {
            return verify(publicKey, LedgerVerifier.MAX_UNSIGNED);
        }

        VerificationReport verify(java.security.PublicKey publicKey, Duration maxUnsigned) {
            VerificationReport report = configured.verify(publicKey, maxUnsigned);
            assertThat(smallWindows.verify(publicKey, maxUnsigned))
                    .as("the same ledger walked in windows of 4 positions")
                    .usingRecursiveComparison()
                    .ignoringFields("millis")
                    .isEqualTo(report);
            return report;
        }
    }
}
