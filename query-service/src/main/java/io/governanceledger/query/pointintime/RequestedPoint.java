package io.governanceledger.query.pointintime;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * What a read asked for on both clocks, read once per request by {@link PointInTimeFilter}: {@code asOf}
 * and {@code knownAt} as given (null where absent) and the event named by {@code Ledger-Read-After}, if
 * any. The {@link PointInTime} a handler answers for is taken from it when the handler is reached, after
 * the consistency guards have waited: "now", where no {@code knownAt} was given, is the moment the
 * answer is computed, so it includes what a read after an event waited for.
 */
public record RequestedPoint(AsOf asOf, Instant knownAt, Optional<String> readAfter) {

    /** The header naming the event a read must include (a command's {@code Ledger-Event-Id}). */
    public static final String READ_AFTER = "Ledger-Read-After";

    static final String ATTRIBUTE = RequestedPoint.class.getName();

    /** The point of a read request; empty for requests that are not reads of the API. */
    public static Optional<RequestedPoint> of(HttpServletRequest request) {
        return Optional.ofNullable((RequestedPoint) request.getAttribute(ATTRIBUTE));
    }
}
