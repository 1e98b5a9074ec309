package io.governanceledger.command.budget;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the budget asks of, and tells, change control (tolerances and exceptions), which lives in a
 * package that depends on this one and provides the implementation.
 */
public interface CostControl {

    /**
     * A rule violation if an open cost exception stops new commitments on the line (unless the
     * program's policy only warns).
     */
    void requireCommitmentAllowed(String programId, String lineId);

    /**
     * The lines' estimates at completion after a booking changed an allocation or a forecast: change
     * control raises an exception, in the same unit of work, for any now outside the program's tolerance.
     */
    void estimatesChanged(String programId, Map<String, BigDecimal> estimates);
}
