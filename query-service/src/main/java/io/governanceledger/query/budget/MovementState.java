package io.governanceledger.query.budget;

import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.MovementApprovalGivenEvent;
import io.governanceledger.events.budget.MovementBookedEvent;
import io.governanceledger.events.budget.MovementExpiredEvent;
import io.governanceledger.events.budget.MovementRefusedEvent;
import io.governanceledger.events.budget.MovementRequestedEvent;
import io.governanceledger.events.budget.MovementStatus;
import io.governanceledger.query.timeline.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A budget movement's state, folded from its facts; kept as JSON in {@code movement_version.state}.
 * Its effective date is the business date its first fact is effective on (the movement's date, or the
 * day it was requested if undated).
 */
record MovementState(
        String movementId,
        String programId,
        BudgetMovement movement,
        MovementStatus status,
        LocalDate effectiveDate,
        String reason,
        String requestedBy,
        Instant requestedAt,
        int requiredApprovals,
        LocalDate expiresOn,
        Instant decidedAt,
        String refusedBy,
        List<ApprovalView> approvals) {

    static BiFunction<MovementState, Fact, MovementState> fold(ZoneId businessZone) {
        return (state, fact) -> {
            Object event = fact.event();
            LocalDate effectiveDate = fact.effectiveAt().atZone(businessZone).toLocalDate();
            if (event instanceof MovementRequestedEvent requested) {
                return new MovementState(
                        requested.movementId(),
                        requested.programId(),
                        requested.movement(),
                        MovementStatus.PENDING,
                        effectiveDate,
                        fact.reason(),
                        requested.requestedBy(),
                        fact.recordedAt(),
                        requested.requiredApprovals(),
                        requested.expiresOn(),
                        null,
                        null,
                        List.of());
            }
            if (event instanceof MovementBookedEvent booked) {
                MovementState requested = state != null
                        ? state
                        : new MovementState(
                                booked.movementId(),
                                booked.programId(),
                                booked.movement(),
                                MovementStatus.PENDING,
                                effectiveDate,
                                fact.reason(),
                                booked.requestedBy(),
                                fact.recordedAt(),
                                0,
                                null,
                                null,
                                null,
                                List.of());
                return requested.decided(MovementStatus.BOOKED, null, fact);
            }
            if (state == null) {
                return null;
            }
            if (event instanceof MovementApprovalGivenEvent approval) {
                List<ApprovalView> approvals = new ArrayList<>(state.approvals);
                approvals.add(new ApprovalView(
                        approval.approver(), approval.delegationId(), fact.recordedAt(), fact.reason()));
                return new MovementState(
                        state.movementId,
                        state.programId,
                        state.movement,
                        state.status,
                        state.effectiveDate,
                        state.reason,
                        state.requestedBy,
                        state.requestedAt,
                        state.requiredApprovals,
                        state.expiresOn,
                        state.decidedAt,
                        state.refusedBy,
                        List.copyOf(approvals));
            }
            if (event instanceof MovementRefusedEvent refused) {
                return state.decided(MovementStatus.REFUSED, refused.refusedBy(), fact);
            }
            if (event instanceof MovementExpiredEvent) {
                return state.decided(MovementStatus.EXPIRED, null, fact);
            }
            return state;
        };
    }

    Map<String, Object> indexedColumns() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("status", status.name());
        columns.put("kind", movement.kind().name());
        columns.put("line_id", movement.lineId());
        columns.put("to_line_id", movement.toLineId());
        columns.put("amount", movement.amount().amount());
        columns.put("reference", movement.reference());
        columns.put("commitment_reference", movement.commitmentReference());
        columns.put("authorising_reference", movement.authorisingReference());
        columns.put("effective_date", effectiveDate);
        columns.put("requested_by", requestedBy);
        columns.put("requested_at", requestedAt.atOffset(ZoneOffset.UTC));
        columns.put("expires_on", expiresOn);
        return columns;
    }

    private MovementState decided(MovementStatus newStatus, String by, Fact fact) {
        return new MovementState(
                movementId,
                programId,
                movement,
                newStatus,
                effectiveDate,
                reason,
                requestedBy,
                requestedAt,
                requiredApprovals,
                expiresOn,
                fact.recordedAt(),
                by,
                approvals);
    }
}
