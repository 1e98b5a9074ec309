package io.governanceledger.query.timeline;

import io.governanceledger.events.AsOf;
import org.springframework.http.HttpHeaders;

import java.time.Instant;

/**
 * The point on both clocks an answer was computed for, as response headers: for answers whose body
 * is a list or a CSV file, which have no place to state it.
 */
public final class TimeTravelHeaders {

    public static final String AS_OF = "Ledger-As-Of";
    public static final String KNOWN_AT = "Ledger-Known-At";

    private TimeTravelHeaders() {
    }

    public static HttpHeaders of(AsOf asOf, Instant knownAt) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(AS_OF, asOf.toString());
        headers.add(KNOWN_AT, knownAt.toString());
        return headers;
    }
}
