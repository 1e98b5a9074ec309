package io.governanceledger.support.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the first answer to each {@code Idempotency-Key} is kept, in PostgreSQL
 * ({@code event_store.idempotency_key}), shared by every instance of every service.
 */
public class IdempotencyKeys {

    private static final String TABLE = "event_store.idempotency_key";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration lease;
    private final Duration retention;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    public IdempotencyKeys(JdbcTemplate jdbc, TransactionTemplate transactions, Duration lease, Duration retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lease = lease;
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /** What a request with this key finds. */
    public sealed interface Claim {}

    /**
     * The key is new (or its first request died without effect): this request runs and its answer is kept.
     * {@code owner} names this request in every later write.
     */
    public record Owned(java.util.UUID owner) implements Claim {}

    /** The key was used with another request. */
    public record Reused() implements Claim {}

    /** The first request with this key is still being handled. */
    public record InFlight(long retryAfterSeconds) implements Claim {}

    /** The first request recorded its events, but its answer was never kept. */
    public record RecordedAnswerLost(String eventId) implements Claim {}

    /** The first answer, to send again. */
    public record Answered(int status, String headers, byte[] body) implements Claim {}

    public Claim claim(String principal, String key, byte[] fingerprint) {
        purgeNow();
        java.util.UUID owner = java.util.UUID.randomUUID();
        return transactions.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO " + TABLE + " (principal, idempotency_key, fingerprint, lease_until, owner) "
                            + "VALUES (?, ?, ?, clock_timestamp() + CAST(? AS INTERVAL), ?) "
                            + "ON CONFLICT DO NOTHING",
                    principal,
                    key,
                    fingerprint,
                    lease.toMillis() + " milliseconds",
                    owner);
            if (inserted == 1) {
                return new Owned(owner);
            }
            List<Claim> found = jdbc.query(
                    "SELECT fingerprint, status, headers, body, recorded_event_id, "
                            + "CEIL(EXTRACT(EPOCH FROM lease_until - clock_timestamp())) AS lease_left FROM " + TABLE
                            + " WHERE principal = ? AND idempotency_key = ? FOR UPDATE",
                    (row, index) -> {
                        if (!java.security.MessageDigest.isEqual(row.getBytes("fingerprint"), fingerprint)) {
                            return new Reused();
                        }
                        int answered = row.getInt("status");
                        if (!row.wasNull()) {
                            return new Answered(answered, row.getString("headers"), row.getBytes("body"));
                        }
                        String eventId = row.getString("recorded_event_id");
                        long left = row.getLong("lease_left");
                        if (eventId != null) {
                            // recorded but not yet answered: its owner is still storing the answer while
                            // it holds the lease; lost only once the lease has ended without an answer
                            return left > 0 ? new InFlight(left) : new RecordedAnswerLost(eventId);
                        }
                        return left > 0 ? new InFlight(left) : null;
                    },
                    principal,
                    key);
            if (found.isEmpty()) {
                // purged between the insert and the read: a new request after all
                return claim(principal, key, fingerprint);
            }
            Claim claim = found.get(0);
            if (claim != null) {
                return claim;
            }
            // the first request died without effect: this one takes the key over, under its own name
            jdbc.update(
                    "UPDATE " + TABLE + " SET lease_until = clock_timestamp() + CAST(? AS INTERVAL), owner = ? "
                            + "WHERE principal = ? AND idempotency_key = ?",
                    lease.toMillis() + " milliseconds",
                    owner,
                    principal,
                    key);
            return new Owned(owner);
        });
    }

    /** Keeps the answer: every later request with the key and the same body gets it. */
    public void answer(String principal, String key, java.util.UUID owner, int status, String headers, byte[] body) {
        jdbc.update(
                "UPDATE " + TABLE + " SET status = ?, headers = ?, body = ?, completed_at = clock_timestamp(), "
                        + "lease_until = NULL WHERE principal = ? AND idempotency_key = ? AND owner = ?",
                status,
                headers,
                body,
                principal,
                key,
                owner);
    }

    /** The request failed without effect: the key is free for a retry at once (if this request still holds it). */
    public void release(String principal, String key, java.util.UUID owner) {
        jdbc.update(
                "DELETE FROM " + TABLE + " WHERE principal = ? AND idempotency_key = ? AND owner = ? "
                        + "AND status IS NULL AND recorded_event_id IS NULL",
                principal,
                key,
                owner);
    }

    /**
     * Marks the key's request as having recorded events, in the transaction that records them (the
     * caller's): a retry then never runs it a second time, even if the answer is lost. A request whose
     * lease ran out and was taken over by a retry no longer holds the key: it is refused here, and its
     * transaction, events included, rolls back, so the request is never recorded twice.
     */
    public void recorded(String principal, String key, java.util.UUID owner, String eventId) {
        int marked = jdbc.update(
                "UPDATE " + TABLE + " SET recorded_event_id = ? WHERE principal = ? "
                        + "AND idempotency_key = ? AND owner = ? AND recorded_event_id IS NULL",
                eventId,
                principal,
                key,
                owner);
        if (marked != 1) {
            throw new IllegalStateException("Idempotency-Key " + key + " is no longer held by this request (its lease "
                    + "ran out and a retry took it over): not recorded twice");
        }
    }

    public Optional<Instant> purgedLast() {
        Instant last = lastPurge.get();
        return last.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(last);
    }

    /** Keys older than the retention are forgotten; at most once a minute, by whichever request comes. */
    private void purgeNow() {
        Instant now = Instant.now();
        Instant last = lastPurge.get();
        if (Duration.between(last, now).compareTo(Duration.ofMinutes(1)) >= 0 && lastPurge.compareAndSet(last, now)) {
            jdbc.update(
                    "DELETE FROM " + TABLE + " WHERE created_at < clock_timestamp() - CAST(? AS INTERVAL) "
                            + "AND (lease_until IS NULL OR lease_until < clock_timestamp())",
                    retention.toSeconds() + " seconds");
        }
    }
}
