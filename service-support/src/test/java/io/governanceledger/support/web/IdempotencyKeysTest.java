package io.governanceledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.governanceledger.support.eventstore.EventStoreSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The keys' store on a real PostgreSQL: who may write a key, what a retry finds, what is forgotten. */
class IdempotencyKeysTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        // one DataSource for the store and the transactions, as in a service: the mark joins the command's transaction
        javax.sql.DataSource dataSource = postgres.getPostgresDatabase();
        new EventStoreSchema(dataSource, "event_store").migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static IdempotencyKeys keys(Duration retention) {
        return new IdempotencyKeys(jdbc, transactions, Duration.ofMinutes(2), retention);
    }

    private static byte[] request(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aKeyTakenOverAfterItsLeaseIsWrittenOnlyByItsNewOwner() {
        IdempotencyKeys keys = keys(Duration.ofDays(30));
        String key = UUID.randomUUID().toString();
        IdempotencyKeys.Claim first = keys.claim("pmo", key, request("A"));
        assertThat(first).isInstanceOf(IdempotencyKeys.Owned.class);
        assertThat(keys.claim("pmo", key, request("A"))).isInstanceOf(IdempotencyKeys.InFlight.class);
        assertThat(keys.claim("pmo", key, request("B"))).isInstanceOf(IdempotencyKeys.Reused.class);
        assertThat(keys.claim("finance", key, request("B")))
                .as("another person's key")
                .isInstanceOf(IdempotencyKeys.Owned.class);

        // the first request stalls past its lease; a retry takes the key over
        jdbc.update(
                "UPDATE event_store.idempotency_key SET lease_until = clock_timestamp() - INTERVAL '1 second' "
                        + "WHERE idempotency_key = ? AND principal = 'pmo'",
                key);
        IdempotencyKeys.Claim second = keys.claim("pmo", key, request("A"));
        assertThat(second).isInstanceOf(IdempotencyKeys.Owned.class);
        UUID stalled = ((IdempotencyKeys.Owned) first).owner();
        UUID retry = ((IdempotencyKeys.Owned) second).owner();
        assertThat(retry).isNotEqualTo(stalled);

        // the stalled request can neither mark, answer nor free the key any more: its command would roll back
        assertThatThrownBy(() -> keys.recorded("pmo", key, stalled, "event-1"))
                .isInstanceOf(IllegalStateException.class);
        keys.answer("pmo", key, stalled, 201, "", request("stale answer"));
        keys.release("pmo", key, stalled);
        assertThat(keys.claim("pmo", key, request("A"))).isInstanceOf(IdempotencyKeys.InFlight.class);

        keys.recorded("pmo", key, retry, "event-2");
        // recorded, its answer not yet stored: still in flight while its owner holds the lease
        assertThat(keys.claim("pmo", key, request("A"))).isInstanceOf(IdempotencyKeys.InFlight.class);
        jdbc.update(
                "UPDATE event_store.idempotency_key SET lease_until = clock_timestamp() - INTERVAL '1 second' "
                        + "WHERE idempotency_key = ? AND principal = 'pmo'",
                key);
        // and once the lease has ended without an answer, the answer is lost: never run again
        assertThat(keys.claim("pmo", key, request("A"))).isEqualTo(new IdempotencyKeys.RecordedAnswerLost("event-2"));
        jdbc.update(
                "UPDATE event_store.idempotency_key SET lease_until = clock_timestamp() + INTERVAL '1 minute' "
                        + "WHERE idempotency_key = ? AND principal = 'pmo'",
                key);
        keys.answer("pmo", key, retry, 201, "Ledger-Event-Id: event-2\n", request("the answer"));
        IdempotencyKeys.Claim replay = keys.claim("pmo", key, request("A"));
        assertThat(replay).isInstanceOf(IdempotencyKeys.Answered.class);
        assertThat(new String(((IdempotencyKeys.Answered) replay).body(), StandardCharsets.UTF_8))
                .isEqualTo("the answer");
    }

    @Test
    void theMarkThatACommandTookEffectIsPartOfItsTransaction() {
        IdempotencyKeys keys = keys(Duration.ofDays(30));
        String key = UUID.randomUUID().toString();
        UUID owner = ((IdempotencyKeys.Owned) keys.claim("pmo", key, request("A"))).owner();
        transactions.executeWithoutResult(status -> {
            keys.recorded("pmo", key, owner, "event-1");
            status.setRollbackOnly(); // the command's transaction fails after all
        });
        assertThat(keys.claim("pmo", key, request("A"))).isInstanceOf(IdempotencyKeys.InFlight.class);
        keys.release("pmo", key, owner);
        assertThat(keys.claim("pmo", key, request("A")))
                .as("freed: a retry runs at once")
                .isInstanceOf(IdempotencyKeys.Owned.class);
    }

    @Test
    void keysOlderThanTheRetentionAreForgottenButNeverOneStillInFlight() {
        String answered = UUID.randomUUID().toString();
        String running = UUID.randomUUID().toString();
        IdempotencyKeys longLived = keys(Duration.ofDays(30));
        UUID owner = ((IdempotencyKeys.Owned) longLived.claim("pmo", answered, request("A"))).owner();
        longLived.answer("pmo", answered, owner, 200, "", request("ok"));
        longLived.claim("pmo", running, request("B"));
        jdbc.update(
                "UPDATE event_store.idempotency_key SET created_at = created_at - INTERVAL '2 days' "
                        + "WHERE idempotency_key IN (?, ?)",
                answered,
                running);

        IdempotencyKeys oneDay = keys(Duration.ofDays(1));
        oneDay.claim("pmo", UUID.randomUUID().toString(), request("C")); // the first claim purges
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.idempotency_key WHERE idempotency_key = ?",
                        Long.class,
                        answered))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.idempotency_key WHERE idempotency_key = ?",
                        Long.class,
                        running))
                .isOne();
    }
}
