package io.governanceledger.query.changes;

import io.governanceledger.events.changes.ChangeAssessmentStartedEvent;
import io.governanceledger.events.changes.ChangeImplementationStartedEvent;
import io.governanceledger.events.changes.ChangeRequestAssessedEvent;
import io.governanceledger.events.changes.ChangeRequestAuthorityEndedEvent;
import io.governanceledger.events.changes.ChangeRequestClosedEvent;
import io.governanceledger.events.changes.ChangeRequestDecidedEvent;
import io.governanceledger.events.changes.ChangeRequestDetails;
import io.governanceledger.events.changes.ChangeRequestImplementedEvent;
import io.governanceledger.events.changes.ChangeRequestRaisedEvent;
import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.events.changes.ChangeRequestSubmittedEvent;
import io.governanceledger.events.changes.ChangeRequestWithdrawnEvent;
import io.governanceledger.query.timeline.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A change request's state, folded from its facts; kept as JSON in {@code change_request_version.state}. */
record ChangeRequestState(
        String changeRequestId,
        String programId,
        int number,
        ChangeRequestDetails details,
        ChangeRequestStatus status,
        String raisedBy,
        Instant raisedAt,
        String assessor,
        List<AssessmentView> assessments,
        String decisionId,
        String decidingBody,
        Integer submittedRevision,
        LocalDate decidedOn,
        String conditions,
        String decidedBy,
        Instant lastChangedAt,
        LocalDate authorityEndedOn) {

    static ChangeRequestState fold(ChangeRequestState state, Fact fact) {
        Object event = fact.event();
        if (event instanceof ChangeRequestRaisedEvent raised) {
            return new ChangeRequestState(
                    raised.changeRequestId(),
                    raised.programId(),
                    raised.number(),
                    raised.details(),
                    ChangeRequestStatus.RAISED,
                    fact.actor(),
                    fact.recordedAt(),
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    fact.recordedAt(),
                    null);
        }
        if (state == null) {
            return null;
        }
        if (event instanceof ChangeAssessmentStartedEvent started) {
            return state.with(ChangeRequestStatus.UNDER_ASSESSMENT, fact)
                    .assessedBy(started.assessor(), state.assessments);
        }
        if (event instanceof ChangeRequestAssessedEvent assessed) {
            List<AssessmentView> more = new ArrayList<>(state.assessments);
            more.add(
                    new AssessmentView(assessed.revision(), assessed.assessor(), fact.recordedAt(), assessed.impact()));
            return state.with(ChangeRequestStatus.ASSESSED, fact).assessedBy(assessed.assessor(), List.copyOf(more));
        }
        if (event instanceof ChangeRequestSubmittedEvent submitted) {
            return new ChangeRequestState(
                    state.changeRequestId,
                    state.programId,
                    state.number,
                    state.details,
                    ChangeRequestStatus.SUBMITTED,
                    state.raisedBy,
                    state.raisedAt,
                    state.assessor,
                    state.assessments,
                    submitted.decisionId(),
                    submitted.decidingBody(),
                    submitted.assessmentRevision(),
                    null,
                    null,
                    null,
                    fact.recordedAt(),
                    state.authorityEndedOn);
        }
        if (event instanceof ChangeRequestDecidedEvent decided) {
            return new ChangeRequestState(
                    state.changeRequestId,
                    state.programId,
                    state.number,
                    state.details,
                    decided.outcome(),
                    state.raisedBy,
                    state.raisedAt,
                    state.assessor,
                    state.assessments,
                    decided.decisionId(),
                    state.decidingBody,
                    state.submittedRevision,
                    decided.decidedOn(),
                    decided.conditions(),
                    fact.actor(),
                    fact.recordedAt(),
                    state.authorityEndedOn);
        }
        if (event instanceof ChangeRequestAuthorityEndedEvent ended) {
            return new ChangeRequestState(
                    state.changeRequestId,
                    state.programId,
                    state.number,
                    state.details,
                    state.status,
                    state.raisedBy,
                    state.raisedAt,
                    state.assessor,
                    state.assessments,
                    state.decisionId,
                    state.decidingBody,
                    state.submittedRevision,
                    state.decidedOn,
                    state.conditions,
                    state.decidedBy,
                    fact.recordedAt(),
                    ended.revokedOn());
        }
        if (event instanceof ChangeRequestWithdrawnEvent) {
            // no longer before the decision it was submitted to: its history keeps the submission
            return new ChangeRequestState(
                    state.changeRequestId,
                    state.programId,
                    state.number,
                    state.details,
                    ChangeRequestStatus.WITHDRAWN,
                    state.raisedBy,
                    state.raisedAt,
                    state.assessor,
                    state.assessments,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    fact.recordedAt(),
                    state.authorityEndedOn);
        }
        if (event instanceof ChangeImplementationStartedEvent) {
            return state.with(ChangeRequestStatus.IMPLEMENTING, fact);
        }
        if (event instanceof ChangeRequestImplementedEvent) {
            return state.with(ChangeRequestStatus.IMPLEMENTED, fact);
        }
        if (event instanceof ChangeRequestClosedEvent) {
            return state.with(ChangeRequestStatus.CLOSED, fact);
        }
        return state;
    }

    Map<String, Object> indexedColumns() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("status", status.name());
        columns.put("number", number);
        columns.put("decision_id", decisionId);
        return columns;
    }

    /** The assessment the request was submitted with, else the latest. */
    AssessmentView assessment() {
        if (assessments.isEmpty()) {
            return null;
        }
        if (submittedRevision != null) {
            return assessments.stream()
                    .filter(assessment -> assessment.revision() == submittedRevision)
                    .findFirst()
                    .orElse(assessments.get(assessments.size() - 1));
        }
        return assessments.get(assessments.size() - 1);
    }

    private ChangeRequestState with(ChangeRequestStatus newStatus, Fact fact) {
        return new ChangeRequestState(
                changeRequestId,
                programId,
                number,
                details,
                newStatus,
                raisedBy,
                raisedAt,
                assessor,
                assessments,
                decisionId,
                decidingBody,
                submittedRevision,
                decidedOn,
                conditions,
                decidedBy,
                fact.recordedAt(),
                authorityEndedOn);
    }

    private ChangeRequestState assessedBy(String newAssessor, List<AssessmentView> newAssessments) {
        return new ChangeRequestState(
                changeRequestId,
                programId,
                number,
                details,
                status,
                raisedBy,
                raisedAt,
                newAssessor,
                newAssessments,
                decisionId,
                decidingBody,
                submittedRevision,
                decidedOn,
                conditions,
                decidedBy,
                lastChangedAt,
                authorityEndedOn);
    }
}
