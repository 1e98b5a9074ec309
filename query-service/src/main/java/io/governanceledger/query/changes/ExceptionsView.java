package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;

/** A program's exceptions at a point, newest first. */
public record ExceptionsView(
        String programId, AsOf asOf, Instant knownAt, long open, List<ExceptionState> exceptions) {}
