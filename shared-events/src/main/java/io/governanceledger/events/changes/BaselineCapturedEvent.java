package io.governanceledger.events.changes;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A numbered baseline of the program, approved by {@code decisionId} and, from the second one on,
 * made by the approved change request {@code changeRequestId}. Its content is the program as of
 * {@code asOf} as known at {@code knownAt}; {@code contentHash} is {@link BaselineContent#sha256()}.
 * Never changed: a new baseline is a new event with the next number.
 */
@Revision("1")
public record BaselineCapturedEvent(
        String programId,
        int number,
        String name,
        String decisionId,
        String changeRequestId,
        LocalDate asOf,
        Instant knownAt,
        BaselineContent content,
        String contentHash) {}
