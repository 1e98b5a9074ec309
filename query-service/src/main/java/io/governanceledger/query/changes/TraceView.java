package io.governanceledger.query.changes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What implements a change request, as known at the point: the decision that decided it, the budget
 * movements and contract amendments authorised by it (or by that decision), the baselines it made, and
 * the milestone forecasts and scope items it changed.
 */
public record TraceView(
        DecisionLink decision,
        List<MovementLink> movements,
        List<AmendmentLink> amendments,
        List<BaselineLink> baselines,
        List<PlanLink> planChanges) {

    public record DecisionLink(String decisionId, String title, String status, String decidingBody) {}

    /** {@code via}: the change request's id, or the decision's, as the movement names it. */
    public record MovementLink(
            String movementId,
            String kind,
            String status,
            String lineId,
            BigDecimal amount,
            LocalDate effectiveDate,
            String via) {}

    public record AmendmentLink(
            String amendmentId,
            String contractId,
            String contractReference,
            Integer number,
            String status,
            BigDecimal valueDelta,
            LocalDate effectiveFrom,
            String via) {}

    public record BaselineLink(int number, String name, String contentHash, Instant recordedAt) {}

    /** A milestone forecast or a scope item the change request moved, added or removed. */
    public record PlanLink(String kind, String recordId, String eventType, Instant recordedAt) {}
}
