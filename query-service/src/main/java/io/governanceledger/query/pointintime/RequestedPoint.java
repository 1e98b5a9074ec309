package io.governanceledger.query.pointintime;

import io.governanceledger.support.web.EdgeInput;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * What a read asked for on both clocks, read once per request by {@link PointInTimeFilter}: {@code asOf}
 * and {@code knownAt} (each with its text as given and its value, or why the value is refused), and
 * the event named by {@code Ledger-Read-After}, if any. A refused value is answered 400 where a handler
 * needs the point; the consistency guards read the same values. The {@link PointInTime} a handler
 * answers for is taken from it when the handler is reached, after the guards have waited: "now", where
 * no {@code knownAt} was given, is the moment the answer is computed.
 */
public record RequestedPoint(Given<AsOf> asOf, Given<Instant> knownAt, Optional<String> readAfter) {

    /** The header naming the event a read must include (a command's {@code Ledger-Event-Id}). */
    public static final String READ_AFTER = "Ledger-Read-After";

    static final String ATTRIBUTE = RequestedPoint.class.getName();

    /**
     * One parameter as the request gave it: absent (null text), a value, or the rule its text breaks.
     */
    public record Given<T>(String text, T value, EdgeInput.EdgeInputException refused) {

        static <T> Given<T> absent() {
            return new Given<>(null, null, null);
        }

        public boolean present() {
            return text != null;
        }
    }

    /** The point of a read request; empty for requests that are not reads of the API. */
    public static Optional<RequestedPoint> of(HttpServletRequest request) {
        return Optional.ofNullable((RequestedPoint) request.getAttribute(ATTRIBUTE));
    }
}
