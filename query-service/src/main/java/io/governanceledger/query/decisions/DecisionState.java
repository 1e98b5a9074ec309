package io.governanceledger.query.decisions;

import io.governanceledger.events.decisions.DecisionApprovedEvent;
import io.governanceledger.events.decisions.DecisionDeferredEvent;
import io.governanceledger.events.decisions.DecisionDetails;
import io.governanceledger.events.decisions.DecisionRecordedEvent;
import io.governanceledger.events.decisions.DecisionRejectedEvent;
import io.governanceledger.events.decisions.DecisionRevokedEvent;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.events.decisions.DecisionSupersededEvent;
import io.governanceledger.query.timeline.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** A decision's state, folded from its facts; kept as JSON in {@code decision_version.state}. */
record DecisionState(
        String decisionId,
        String programId,
        DecisionStatus status,
        DecisionDetails details,
        LocalDate decidedOn,
        LocalDate effectiveFrom,
        String chosenOption,
        String supersedes,
        String supersededBy,
        LocalDate deferredUntil,
        LocalDate revokedOn,
        Instant recordedAt,
        Instant lastChangedAt) {

    static DecisionState fold(DecisionState state, Fact fact) {
        Object event = fact.event();
        if (event instanceof DecisionRecordedEvent recorded) {
            DecisionDetails details = recorded.details();
            return new DecisionState(
                    recorded.decisionId(),
                    recorded.programId(),
                    DecisionStatus.PROPOSED,
                    details,
                    details.decidedOn(),
                    details.effectiveFrom(),
                    details.chosenOption(),
                    recorded.supersedes(),
                    null,
                    null,
                    null,
                    fact.recordedAt(),
                    fact.recordedAt());
        }
        if (state == null) {
            return null;
        }
        if (event instanceof DecisionApprovedEvent approved) {
            return state.with(
                    DecisionStatus.APPROVED,
                    approved.decidedOn(),
                    approved.effectiveFrom(),
                    approved.chosenOption(),
                    state.supersededBy,
                    null,
                    state.revokedOn,
                    fact);
        }
        if (event instanceof DecisionRejectedEvent rejected) {
            return state.with(
                    DecisionStatus.REJECTED,
                    rejected.decidedOn(),
                    state.effectiveFrom,
                    state.chosenOption,
                    state.supersededBy,
                    null,
                    state.revokedOn,
                    fact);
        }
        if (event instanceof DecisionDeferredEvent deferred) {
            return state.with(
                    DecisionStatus.DEFERRED,
                    deferred.decidedOn(),
                    state.effectiveFrom,
                    state.chosenOption,
                    state.supersededBy,
                    deferred.deferredUntil(),
                    state.revokedOn,
                    fact);
        }
        if (event instanceof DecisionSupersededEvent superseded) {
            return state.with(
                    DecisionStatus.SUPERSEDED,
                    state.decidedOn,
                    state.effectiveFrom,
                    state.chosenOption,
                    superseded.supersededBy(),
                    state.deferredUntil,
                    state.revokedOn,
                    fact);
        }
        if (event instanceof DecisionRevokedEvent revoked) {
            return state.with(
                    DecisionStatus.REVOKED,
                    state.decidedOn,
                    state.effectiveFrom,
                    state.chosenOption,
                    state.supersededBy,
                    state.deferredUntil,
                    revoked.revokedOn(),
                    fact);
        }
        return state;
    }

    /** The date the register is filtered and ordered by: decided on, else the meeting, else the day recorded. */
    LocalDate decisionDate() {
        if (decidedOn != null) {
            return decidedOn;
        }
        if (details.meetingDate() != null) {
            return details.meetingDate();
        }
        return recordedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    Map<String, Object> indexedColumns() {
        return Map.of(
                "status",
                status.name(),
                "decision_date",
                decisionDate(),
                "recorded_at",
                recordedAt.atOffset(ZoneOffset.UTC));
    }

    private DecisionState with(
            DecisionStatus newStatus,
            LocalDate newDecidedOn,
            LocalDate newEffectiveFrom,
            String newChosenOption,
            String newSupersededBy,
            LocalDate newDeferredUntil,
            LocalDate newRevokedOn,
            Fact fact) {
        return new DecisionState(
                decisionId,
                programId,
                newStatus,
                details,
                newDecidedOn,
                newEffectiveFrom,
                newChosenOption,
                supersedes,
                newSupersededBy,
                newDeferredUntil,
                newRevokedOn,
                recordedAt,
                fact.recordedAt());
    }
}
