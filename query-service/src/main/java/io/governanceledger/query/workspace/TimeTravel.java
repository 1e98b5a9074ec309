package io.governanceledger.query.workspace;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The point a page answers for, as the page shows it: pinned to a date ("as of") and an instant ("as
 * known at") when the link asked for them, or now. Every link a page draws goes through
 * {@link #href(String)}, so a shared address shows the same answer.
 *
 * @param point     the point the query handlers answer for
 * @param pinned    whether the link asked for a point (a page at "now" follows new events live)
 * @param asOfParam the {@code asOf} of the link, or null
 * @param knownAtParam the {@code knownAt} of the link, or null
 * @param clock     the business calendar, to show instants in its zone
 */
public record TimeTravel(
        PointInTime point, boolean pinned, String asOfParam, String knownAtParam, BusinessClock clock) {

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public static TimeTravel of(PointInTime point, BusinessClock clock) {
        String asOf = point.askedAsOf() == null ? null : point.askedAsOf().toString();
        String knownAt =
                point.askedKnownAt() == null ? null : point.askedKnownAt().toString();
        return new TimeTravel(point, asOf != null || knownAt != null, asOf, knownAt, clock);
    }

    /** A workspace path with this page's point, e.g. {@code /workspace/programs/AIRPORT-2039}. */
    public String href(String path) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        if (asOfParam != null) {
            link.queryParam("asOf", asOfParam);
        }
        if (knownAtParam != null) {
            link.queryParam("knownAt", knownAtParam);
        }
        return link.encode().build().toUriString();
    }

    /** The same page at the same point, in another language. */
    public String language(String path, String language) {
        return UriComponentsBuilder.fromUriString(href(path))
                .queryParam("lang", language)
                .build()
                .toUriString();
    }

    /** The same path at now. */
    public String now(String path) {
        return UriComponentsBuilder.fromPath(path).encode().build().toUriString();
    }

    /** The business date the page answers for. */
    public LocalDate asOf() {
        return point.asOf();
    }

    public Instant knownAt() {
        return point.knownAt();
    }

    /** The "as known at" instant in the business zone, for a {@code datetime-local} field. */
    public String knownAtInput() {
        return LocalDateTime.ofInstant(point.knownAt().truncatedTo(ChronoUnit.SECONDS), clock.zone())
                .format(LOCAL_INPUT);
    }

    /** Whether the page answers for an earlier state of knowledge than now. */
    public boolean knownAtPinned() {
        return knownAtParam != null;
    }

    public boolean asOfPinned() {
        return asOfParam != null;
    }
}
