package io.governanceledger.query.decisions;

import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.query.pointintime.PointInTime;
import java.time.LocalDate;

/**
 * A program's decision register, filtered by status and by decision date (the date decided, or the
 * meeting date while undecided), both bounds inclusive and optional; newest first. Answered by a
 * {@link DecisionRegisterView}, or nothing when the program is unknown; as it stood on {@code asOf}
 * (null: today) according to what was recorded by {@code knownAt} (null: now).
 */
public record FindDecisionsQuery(
        String programId,
        DecisionStatus status,
        LocalDate from,
        LocalDate to,
        int offset,
        int limit,
        PointInTime point) {}
